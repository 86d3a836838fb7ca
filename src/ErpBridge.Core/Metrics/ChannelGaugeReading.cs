namespace ErpBridge.Core.Metrics;

/// <summary>What the observable gauges report for one channel, read from the database (and cached for a few seconds).</summary>
/// <param name="Backlog">Deliveries waiting: Pending, InProgress and RetryScheduled.</param>
/// <param name="OldestPendingAge">How long the longest-waiting due delivery has been due (zero when none is due).</param>
/// <param name="DeliveredLastHour">Deliveries that reached Delivered in the last hour.</param>
/// <param name="PollLag">Since the channel's orders were last polled successfully; null before the first poll.</param>
public sealed record ChannelGaugeReading(string Channel, long Backlog, TimeSpan OldestPendingAge, long DeliveredLastHour, TimeSpan? PollLag);
