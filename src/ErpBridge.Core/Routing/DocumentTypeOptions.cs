namespace ErpBridge.Core.Routing;

/// <summary>A raw ERP document type that SubmitDocument accepts, and the canonical message it becomes.</summary>
public sealed class DocumentTypeOptions
{
    /// <summary>The canonical message type the inbound map produces: Inventory, Products, Shipments or Prices.</summary>
    public string Produces { get; set; } = "";

    public string? Description { get; set; }
}
