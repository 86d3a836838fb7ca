namespace ErpBridge.Core.Status;

/// <summary>Where one message stands on one channel. Stored by name.</summary>
public enum DeliveryStatus
{
    Pending,
    InProgress,
    Delivered,
    RetryScheduled,
    Failed,
    Superseded,
}
