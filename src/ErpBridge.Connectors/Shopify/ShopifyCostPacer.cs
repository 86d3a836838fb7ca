namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// The channel's picture of Shopify's cost bucket, from the <c>throttleStatus</c> of each answer. A call waits until
/// its estimated cost should be available, counting what calls still in flight will take, so a burst is spread
/// over the restore rate instead of being answered THROTTLED.
/// </summary>
internal sealed class ShopifyCostPacer(TimeProvider time, TimeSpan maxWait)
{
    private readonly object gate = new();
    private bool known;
    private double maximum;
    private double available;
    private double restoreRate;
    private double inFlight;
    private DateTimeOffset observedAt;

    /// <summary>Waits until <paramref name="cost"/> points should be there, then reserves them until <see cref="Complete"/>.</summary>
    public async Task ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + maxWait;
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                if (time.GetUtcNow() >= deadline || (known ? Estimate() >= cost || cost > maximum : inFlight == 0))
                {
                    inFlight += cost;
                    return;
                }

                // Until the first answer tells the bucket's size, calls go one at a time.
                wait = known ? TimeSpan.FromSeconds(Math.Max((cost - Estimate()) / Math.Max(restoreRate, 1), 0.005)) : TimeSpan.FromMilliseconds(5);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases a reservation and, when the answer said so, takes the bucket's state as reported.</summary>
    public void Complete(double reserved, double? maximumAvailable, double? currentlyAvailable, double? restore)
    {
        lock (gate)
        {
            inFlight = Math.Max(0, inFlight - reserved);
            if (maximumAvailable is { } max && currentlyAvailable is { } current && restore is { } rate)
            {
                known = true;
                maximum = max;
                available = current;
                restoreRate = rate;
                observedAt = time.GetUtcNow();
            }
        }
    }

    private double Estimate()
    {
        var refilled = available + ((time.GetUtcNow() - observedAt).TotalSeconds * restoreRate);
        return Math.Min(maximum, refilled) - inFlight;
    }
}
