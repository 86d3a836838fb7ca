namespace ErpBridge.Core.Status;

/// <summary>A channel's deliveries waiting, as the gauges read them.</summary>
/// <param name="Waiting">Pending, InProgress and RetryScheduled deliveries.</param>
/// <param name="EarliestDue">The earliest next attempt of a Pending or RetryScheduled delivery (for a Pending one: since it waits); null when none.</param>
/// <param name="DeliveredSince">Deliveries whose last attempt delivered them since the time asked.</param>
public sealed record ChannelBacklog(long Waiting, DateTimeOffset? EarliestDue, long DeliveredSince);
