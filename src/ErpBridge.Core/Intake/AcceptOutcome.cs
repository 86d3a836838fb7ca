namespace ErpBridge.Core.Intake;

public enum AcceptOutcome
{
    /// <summary>Stored now, with one delivery per routed channel.</summary>
    Accepted,

    /// <summary>The same MessageId with the same content was stored before; nothing new was created.</summary>
    Duplicate,

    /// <summary>The MessageId was stored before with different content; nothing was stored.</summary>
    Conflict,
}
