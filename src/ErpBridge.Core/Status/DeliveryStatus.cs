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

    /// <summary>A failed delivery an operator gave up on: never retried, counted as a failure by audits, purged like a delivered one.</summary>
    Discarded,
}
