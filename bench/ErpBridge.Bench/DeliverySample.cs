using System.Text.Json;

namespace ErpBridge.Bench;

/// <summary>
/// One reading of the bridge's /status/deliveries: per channel, how many deliveries are in each status.
/// A message routed to N channels counts as delivered when all N deliveries are: the minimum over channels.
/// </summary>
internal sealed record DeliverySample(double Seconds, long DeliveredMessages, long Backlog, long Failed, long Superseded)
{
    private static readonly string[] Waiting = ["Pending", "InProgress", "RetryScheduled"];

    public static DeliverySample Parse(double seconds, string json, IReadOnlySet<string>? channels)
    {
        using var document = JsonDocument.Parse(json);
        long delivered = long.MaxValue, backlog = 0, failed = 0, superseded = 0;
        var seen = 0;
        foreach (var channel in document.RootElement.GetProperty("channels").EnumerateObject())
        {
            if (channels is not null && !channels.Contains(channel.Name))
            {
                continue;
            }

            seen++;
            delivered = Math.Min(delivered, Count(channel.Value, "Delivered") + Count(channel.Value, "Superseded"));
            backlog += Waiting.Sum(s => Count(channel.Value, s));
            failed += Count(channel.Value, "Failed");
            superseded += Count(channel.Value, "Superseded");
        }

        return new DeliverySample(seconds, seen == 0 ? 0 : delivered, backlog, failed, superseded);
    }

    private static long Count(JsonElement channel, string status) =>
        channel.TryGetProperty(status, out var value) ? value.GetInt64() : 0;
}
