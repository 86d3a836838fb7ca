namespace ErpBridge.Core.Status;

public sealed record DeliveryView(
    string Channel,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError);
