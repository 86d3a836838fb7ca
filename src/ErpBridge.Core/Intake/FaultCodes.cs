namespace ErpBridge.Core.Intake;

/// <summary>The stable codes carried in every fault's detail. Clients program against these; never rename one.</summary>
public static class FaultCodes
{
    public const string MalformedXml = "MalformedXml";
    public const string DtdProhibited = "DtdProhibited";
    public const string MessageTooLarge = "MessageTooLarge";
    public const string VersionMismatch = "VersionMismatch";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string UnknownOperation = "UnknownOperation";
    public const string MustUnderstand = "MustUnderstand";
    public const string SchemaViolation = "SchemaViolation";

    /// <summary>A configured limit of the gate (nesting depth, items per message) is exceeded; the reason names it.</summary>
    public const string LimitExceeded = "LimitExceeded";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string MessageIdConflict = "MessageIdConflict";
    public const string UnknownDocumentType = "UnknownDocumentType";
    public const string UnknownChannel = "UnknownChannel";

    /// <summary>No configured route names a channel for the message's type: refused rather than stored for nowhere.</summary>
    public const string NoRoute = "NoRoute";

    /// <summary>SubmitDocument: the document type's inbound map refused the document or made no canonical message of it; the reason is the map's. Nothing was stored.</summary>
    public const string MappingFailed = "MappingFailed";

    /// <summary>No order the bridge fetched from a store carries the shipment's order number (whether or not the shipment names a channel).</summary>
    public const string UnknownOrder = "UnknownOrder";

    /// <summary>A shipment names no channel and orders of two or more channels carry its order number.</summary>
    public const string AmbiguousOrder = "AmbiguousOrder";

    /// <summary>A shipment names a channel, but the order the bridge fetched with its order number belongs to another one.</summary>
    public const string ChannelMismatch = "ChannelMismatch";
    public const string MessageNotFound = "MessageNotFound";
    public const string ReconciliationNotFound = "ReconciliationNotFound";
    public const string InternalError = "InternalError";
}
