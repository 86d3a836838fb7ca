namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Spaces a channel's requests evenly at no more than <see cref="WooCommerceConnectorOptions.MaxRequestsPerSecond"/>.
/// wc/v3 has no rate limit of its own, but a host or WAF in front of a shop often has one (answering 429 or 503), and a
/// small server can be overwhelmed by a long read; a channel that has such a limit sets it, and a bulk read then stays
/// under it instead of learning it from refusals. Unset, requests are not delayed.
/// </summary>
internal sealed class WooRequestPacer(TimeProvider time, double? requestsPerSecond)
{
    private readonly Lock gate = new();
    private readonly TimeSpan interval = requestsPerSecond is { } rate ? TimeSpan.FromSeconds(1 / rate) : TimeSpan.Zero;
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    /// <summary>Waits for this request's slot: one interval after the previous request's slot, or now if that has passed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (interval == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = nextSlot > now ? nextSlot : now;
            nextSlot = slot + interval;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
