namespace ErpBridge.Sandboxes.Shopify;

/// <summary>Shopify's leaky bucket of query cost points: refills at <see cref="RestoreRate"/> per second up to <see cref="Maximum"/>.</summary>
internal sealed class ShopifyCostBucket(TimeProvider time, double maximum, double restoreRate)
{
    private readonly object gate = new();
    private double available = maximum;
    private DateTimeOffset updated = time.GetUtcNow();

    public bool Enabled { get; set; } = true;

    public double Maximum { get; private set; } = maximum;

    public double RestoreRate { get; private set; } = restoreRate;

    public void Configure(double? maximum, double? restoreRate)
    {
        lock (gate)
        {
            Refill();
            Maximum = maximum ?? Maximum;
            RestoreRate = restoreRate ?? RestoreRate;
            available = Math.Min(available, Maximum);
        }
    }

    /// <summary>Takes <paramref name="cost"/> points when they are there; otherwise takes nothing.</summary>
    public bool TryTake(int cost, out ThrottleStatus status)
    {
        lock (gate)
        {
            Refill();
            var taken = !Enabled || cost <= available;
            if (taken && Enabled)
            {
                available -= cost;
            }

            status = Status();
            return taken;
        }
    }

    /// <summary>Gives back what a query was charged beyond its actual cost.</summary>
    public ThrottleStatus Refund(int points)
    {
        lock (gate)
        {
            Refill();
            if (Enabled)
            {
                available = Math.Min(Maximum, available + Math.Max(points, 0));
            }

            return Status();
        }
    }

    private ThrottleStatus Status() => new(Maximum, Enabled ? Math.Floor(available) : Maximum, RestoreRate);

    private void Refill()
    {
        var now = time.GetUtcNow();
        available = Math.Min(Maximum, available + ((now - updated).TotalSeconds * RestoreRate));
        updated = now;
    }
}
