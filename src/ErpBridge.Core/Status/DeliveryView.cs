namespace ErpBridge.Core.Status;

/// <summary>Where a message stands on one channel; <paramref name="Items"/> are its items skipped or failed on their own.</summary>
public sealed record DeliveryView(
    string Channel,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    IReadOnlyList<ItemView>? Items = null);
