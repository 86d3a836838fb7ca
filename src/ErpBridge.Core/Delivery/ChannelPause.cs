namespace ErpBridge.Core.Delivery;

/// <summary>
/// A paused channel: nothing is delivered to it and its deliveries wait, without spending attempts.
/// <paramref name="ProbeAt"/> is when one delivery is tried again to see whether the credentials work (pauses for
/// refused credentials only).
/// </summary>
public sealed record ChannelPause(string Channel, PauseKind By, string Reason, DateTimeOffset PausedAt, DateTimeOffset? ProbeAt);
