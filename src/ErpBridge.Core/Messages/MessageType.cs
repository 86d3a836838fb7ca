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

    /// <summary>
    /// A web order the bridge fetched from a store, forwarded to the channels that receive orders (shipping software);
    /// made by the order poll, never by the ERP. Routed by <c>ErpBridge:Routes:Orders</c>.
    /// </summary>
    Orders,
}
