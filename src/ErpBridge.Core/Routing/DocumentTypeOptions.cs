namespace ErpBridge.Core.Routing;

/// <summary>A raw ERP document type that SubmitDocument accepts, and the canonical message it becomes.</summary>
public sealed class DocumentTypeOptions
{
    /// <summary>The canonical message type the inbound map produces: Inventory, Products, Shipments or Prices.</summary>
    public string Produces { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>
    /// Parameters of the document type's inbound map (e.g. DELVRY07's time-zone, SHOW_SHIPMENT_005's order-reference-type),
    /// so that a source system's conventions are configured, not edited into the map. message-id, sent-at and
    /// source-system come from the SubmitDocument envelope and cannot be set here.
    /// </summary>
    public Dictionary<string, string> MapParameters { get; set; } = new(StringComparer.Ordinal);
}
