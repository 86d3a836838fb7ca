namespace ErpBridge.Core.Retention;

/// <summary>Where the purge stands in the messages: their received time, then their MessageId.</summary>
public sealed record MessageKey(DateTimeOffset ReceivedAt, string MessageId)
{
    /// <summary>
    /// Before every message. 1900 rather than the smallest time: every database's time type holds it, also a
    /// parameter bound as SQL Server's older datetime (from 1753).
    /// </summary>
    public static MessageKey Start { get; } = new(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), "");
}
