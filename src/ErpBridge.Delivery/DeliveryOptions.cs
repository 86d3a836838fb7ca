using ErpBridge.Core.Delivery;

namespace ErpBridge.Delivery;

/// <summary>ErpBridge:Delivery. Defaults suit a real store's rate limits; the sandboxes take far more.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Off: messages are accepted and stored, nothing is sent (for intake-only nodes and tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each channel's job runs when no accept has woken it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries claimed per round.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Plans running at once per channel (the connector still paces to the platform's limit).</summary>
    public int MaxConcurrencyPerChannel { get; set; } = 16;

    /// <summary>
    /// Stock messages of a round are sent together up to this many items per platform call (the maps split further
    /// at each API's limit); 1 sends every message on its own.
    /// </summary>
    public int MaxItemsPerCall { get; set; } = 250;

    /// <summary>How long a claim and a channel lease last before another worker may take them over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A run of the job stops after this long so that the scheduler stays responsive; the next run carries on.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a transiently failing delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>This worker's name in claims and leases; machine and process by default.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The retry schedule of a transiently failing delivery.</summary>
    public BackoffPolicy Backoff() => new(BackoffBase, BackoffMax, MaxAttempts);

    public IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return "ErpBridge:Delivery:PollInterval must be positive.";
        }

        if (BatchSize is < 1 or > 5000)
        {
            yield return "ErpBridge:Delivery:BatchSize must be between 1 and 5000.";
        }

        if (MaxConcurrencyPerChannel is < 1 or > 256)
        {
            yield return "ErpBridge:Delivery:MaxConcurrencyPerChannel must be between 1 and 256.";
        }

        if (MaxItemsPerCall is < 1 or > 2000)
        {
            yield return "ErpBridge:Delivery:MaxItemsPerCall must be between 1 and 2000.";
        }

        if (LeaseDuration < TimeSpan.FromSeconds(5))
        {
            yield return "ErpBridge:Delivery:LeaseDuration must be at least 5 seconds.";
        }

        if (MaxAttempts < 1)
        {
            yield return "ErpBridge:Delivery:MaxAttempts must be at least 1.";
        }

        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase)
        {
            yield return "ErpBridge:Delivery:BackoffBase must be positive and BackoffMax at least BackoffBase.";
        }
    }
}
