namespace ErpBridge.Core.Metrics;

/// <summary>
/// The source of the per-channel gauges. Called synchronously while metrics are collected (a scrape): it must answer
/// from a cache that it refreshes at most every few seconds, never with a query per call.
/// </summary>
public interface IChannelGauges
{
    IReadOnlyList<ChannelGaugeReading> Read();
}
