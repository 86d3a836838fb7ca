namespace ErpBridge.Core.Retention;

/// <summary>Where the purge stands in the messages: their received time, then their MessageId.</summary>
public sealed record MessageKey(DateTimeOffset ReceivedAt, string MessageId)
{
    /// <summary>Before every message.</summary>
    public static MessageKey Start { get; } = new(DateTimeOffset.MinValue, "");
}
