namespace ErpBridge.Delivery;

/// <summary>What a round came to: how many deliveries it claimed, and why it paused the channel, if it did.</summary>
public sealed record RoundResult(int Claimed, string? PausedFor);
