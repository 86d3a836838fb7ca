namespace ErpBridge.Connectors.Http;

/// <summary>
/// Spaces a channel's requests at least 1/<c>rate</c> apart, over all its concurrent callers, each reserving the next
/// free slot. For platforms with no rate limit of their own (WooCommerce, Magento core) whose host, WAF or CDN may
/// have one: a long read then stays under it instead of learning it from 429s. No rate (null) delays nothing.
/// </summary>
internal sealed class FixedRatePacer(TimeProvider time, double? requestsPerSecond) : IRequestPacer
{
    private readonly Lock gate = new();
    private readonly TimeSpan interval = requestsPerSecond is { } rate ? TimeSpan.FromSeconds(1 / rate) : TimeSpan.Zero;
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        if (interval == TimeSpan.Zero)
        {
            return 1;
        }

        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = nextSlot > now ? nextSlot : now;
            nextSlot = slot + interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        return 1;
    }

    /// <summary>Refuses a rate that is not a positive number (null, no pacing, is fine).</summary>
    public static void Validate(double? requestsPerSecond, string name)
    {
        if (requestsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(name, rate, $"{name} must be a positive number, or null for no pacing.");
        }
    }

    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body)
    {
        // A fixed rate learns nothing from answers.
    }
}
