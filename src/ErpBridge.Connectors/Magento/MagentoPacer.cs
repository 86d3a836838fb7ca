namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Spaces a channel's requests at least 1/<c>rate</c> apart, over all its concurrent callers, each reserving the next
/// free slot. Magento core sets no rate limit on its admin REST API, so by default nothing waits; a proxy, WAF or CDN
/// in front of a store may, and then the channel's rate keeps a long read (100,000 SKUs) clear of its 429s.
/// </summary>
internal sealed class MagentoPacer(double? requestsPerSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (requestsPerSecond is not { } rate)
        {
            return;
        }

        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = nextSlot > now ? nextSlot : now;
            nextSlot = slot + TimeSpan.FromSeconds(1 / rate);
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
