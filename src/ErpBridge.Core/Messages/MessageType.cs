namespace ErpBridge.Core.Messages;

/// <summary>The kinds of message the ERP sends. The names are stored and appear in configuration (routes).</summary>
public enum MessageType
{
    Inventory,
    Products,
    Shipments,
    Document,

    /// <summary>Sales prices from condition records (SAP COND_A); produced by inbound maps only, no SOAP operation of its own.</summary>
    Prices,
}
