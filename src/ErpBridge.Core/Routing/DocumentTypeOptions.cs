namespace ErpBridge.Core.Routing;

/// <summary>A raw ERP document type that SubmitDocument accepts, and the canonical message it becomes.</summary>
public sealed class DocumentTypeOptions
{
    /// <summary>The canonical message type the inbound map produces: Inventory, Products, Shipments or Prices.</summary>
    public string Produces { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>
    /// The inbound map's name, <c>xslt/inbound/{Map}.xslt</c>, when it is not the document type's own: for a type whose
    /// segments are those of another (COND_A03 is read by the COND_A04 map).
    /// </summary>
    public string? Map { get; set; }

    /// <summary>
    /// Parameters of the document type's inbound map (e.g. DELVRY07's time-zone, SHOW_SHIPMENT_005's order-reference-type),
    /// so that a source system's conventions are configured, not edited into the map. message-id, sent-at and
    /// source-system come from the SubmitDocument envelope and cannot be set here.
    /// </summary>
    public Dictionary<string, string> MapParameters { get; set; } = new(StringComparer.Ordinal);
}
