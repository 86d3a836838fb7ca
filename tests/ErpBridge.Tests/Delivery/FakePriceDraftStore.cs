using System.Collections.Concurrent;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Tests.Delivery;

/// <summary>Products drafted for lack of a price, in memory: (channel, SKU) → when drafted.</summary>
public sealed class FakePriceDraftStore : IPriceDraftStore
{
    public ConcurrentDictionary<(string Channel, string Sku), DateTimeOffset> Rows { get; } = new();

    /// <summary>How often the round asked, and for which SKUs.</summary>
    public ConcurrentQueue<IReadOnlyCollection<string>> Asked { get; } = new();

    public IReadOnlyList<string> SkusOf(string channel) => [.. Rows.Keys.Where(k => k.Channel == channel).Select(k => k.Sku).Order(StringComparer.Ordinal)];

    public Task<IReadOnlySet<string>> FindAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        Asked.Enqueue([.. skus]);
        return Task.FromResult<IReadOnlySet<string>>(skus.Where(s => Rows.ContainsKey((channel, s))).ToHashSet(StringComparer.Ordinal));
    }

    public Task UpdateAsync(string channel, IReadOnlyCollection<string> drafted, IReadOnlyCollection<string> cleared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var sku in cleared)
        {
            Rows.TryRemove((channel, sku), out _);
        }

        foreach (var sku in drafted)
        {
            Rows.TryAdd((channel, sku), now);
        }

        return Task.CompletedTask;
    }
}
