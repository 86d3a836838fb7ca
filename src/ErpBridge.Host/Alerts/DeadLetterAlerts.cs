using System.Text.Json.Nodes;
using ErpBridge.Core.Alerts;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// The sink the delivery rounds report dead letters to. A storm must not become thousands of POSTs: dead letters are
/// counted per channel, and <see cref="FlushAsync"/> writes at most one alert per channel per DeadLetterInterval to
/// the outbox (the first of a quiet channel at the next flush, a few seconds later), carrying how many came since the
/// last one and the first few MessageIds. Counted here in memory until written: a crash of the process loses the count
/// of at most the interval that was open (the dead letters themselves are in the store); a shutdown writes it.
/// </summary>
public sealed class DeadLetterAlerts(AlertPublisher publisher, IAlertStore store, AlertOptions options, TimeProvider time) : IAlertSink
{
    public const int SampleSize = 5;

    private readonly Dictionary<string, Pending> channels = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void DeadLettered(string channel, IReadOnlyList<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            if (!channels.TryGetValue(channel, out var pending))
            {
                pending = new Pending();
                channels[channel] = pending;
            }

            pending.Count += messageIds.Count;
            pending.Sample.AddRange(messageIds.Distinct(StringComparer.Ordinal).Where(id => !pending.Sample.Contains(id)).Take(SampleSize - pending.Sample.Count));
        }
    }

    /// <summary>
    /// Writes an alert for each channel with dead letters counted whose interval has passed (every one when
    /// <paramref name="all"/>, at shutdown). A write that fails puts the count back for the next flush.
    /// </summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<(string Channel, int Count, List<string> Sample)> due = [];
        lock (gate)
        {
            foreach (var (channel, pending) in channels.ToList())
            {
                if (pending.Count == 0)
                {
                    if (pending.NextAt <= now)
                    {
                        channels.Remove(channel);
                    }
                }
                else if (all || pending.NextAt <= now)
                {
                    due.Add((channel, pending.Count, [.. pending.Sample]));
                    pending.Count = 0;
                    pending.Sample.Clear();
                    pending.NextAt = now + options.DeadLetterInterval;
                }
            }
        }

        foreach (var (channel, count, sample) in due)
        {
            try
            {
                await store.EnqueueAsync(publisher.Rows(Alert(channel, count, sample)), now, cancellationToken);
            }
            catch (Exception) when (!all)
            {
                // Not written (the database is unavailable): counted again, due at the next flush.
                lock (gate)
                {
                    var pending = channels.TryGetValue(channel, out var open) ? open : channels[channel] = new Pending();
                    pending.Count += count;
                    pending.Sample.InsertRange(0, sample.Where(id => !pending.Sample.Contains(id)));
                    pending.Sample.RemoveRange(Math.Min(SampleSize, pending.Sample.Count), Math.Max(0, pending.Sample.Count - SampleSize));
                    pending.NextAt = now;
                }

                throw;
            }
        }
    }

    private Alert Alert(string channel, int count, List<string> sample) => new(
        AlertKind.DeadLetter,
        "delivery.dead_lettered",
        AlertSeverity.Error,
        channel,
        count == 1
            ? $"Channel {channel}: message {sample.FirstOrDefault()} was dead-lettered."
            : $"Channel {channel}: {count} deliveries were dead-lettered since the last alert.",
        new JsonObject
        {
            ["count"] = count,
            ["messageIds"] = new JsonArray([.. sample.Select(id => (JsonNode?)JsonValue.Create(id))]),
            ["coalescedFor"] = options.DeadLetterInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        });

    private sealed class Pending
    {
        public int Count { get; set; }

        public List<string> Sample { get; } = new(SampleSize);

        public DateTimeOffset NextAt { get; set; } = DateTimeOffset.MinValue;
    }
}
