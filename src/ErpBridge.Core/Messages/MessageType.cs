namespace ErpBridge.Core.Messages;

/// <summary>The kinds of message the ERP sends. The names are stored and appear in configuration (routes).</summary>
public enum MessageType
{
    Inventory,
    Products,
    Shipments,
    Document,
}
