namespace ErpBridge.Delivery;

/// <summary>
/// What a round came to: how many deliveries it claimed, why it paused the channel, if it did, and whether it stopped
/// sending because its channel lease was lost.
/// </summary>
public sealed record RoundResult(int Claimed, string? PausedFor, bool LeaseLost = false);
