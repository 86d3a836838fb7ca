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
    /// Threads of each channel's own that run its maps (CPU-bound work): more than the machine's cores only makes
    /// them compete with the intake for the same cores. Sends still run MaxConcurrencyPerChannel at once.
    /// </summary>
    public int MapThreadsPerChannel { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Stock messages of a round are sent together up to this many items per platform call (the maps split further
    /// at each API's limit); 1 sends every message on its own.
    /// </summary>
    public int MaxItemsPerCall { get; set; } = 250;

    /// <summary>How long a claim and a channel lease last before another worker may take them over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a running delivery renews its channel lease and its claims (a heartbeat); a third of
    /// <see cref="LeaseDuration"/> when not set. A run that cannot renew (the database refuses, or another node holds the
    /// channel) stops sending at once; one whose renewal does not land stops one heartbeat before its lease runs out.
    /// </summary>
    public TimeSpan? LeaseHeartbeat { get; set; }

    /// <summary>The heartbeat in effect: <see cref="LeaseHeartbeat"/>, or a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan Heartbeat => LeaseHeartbeat ?? LeaseDuration / 3;

    /// <summary>A run of the job stops after this long so that the scheduler stays responsive; the next run carries on.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts before a transiently failing delivery is dead-lettered; 0 (the default): no limit on the count, a
    /// failing delivery is retried until it is <see cref="MaxRetryAge"/> old. A limit here still ends it sooner.
    /// </summary>
    public int MaxAttempts { get; set; }

    /// <summary>
    /// How long a transiently failing delivery (5xx, timeouts, connection errors) is retried, from its acceptance or
    /// its last resubmit, before it becomes a dead letter: long enough to outlast a store's outage.
    /// </summary>
    public TimeSpan MaxRetryAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Time allowed for one message's map and send on a channel (and for a raw document's inbound map); a message that
    /// takes longer fails alone with that reason, and the round goes on.
    /// </summary>
    public TimeSpan MessageBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Claims without an outcome (the process stopped under the delivery each time) after which a delivery fails
    /// instead of being claimed again: it ends a crash loop while tolerating ordinary restarts.
    /// </summary>
    public int MaxClaimsWithoutOutcome { get; set; } = 10;

    /// <summary>How often a channel paused for refused credentials tries one delivery to see whether they work again.</summary>
    public TimeSpan PausedProbeInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>This worker's name in claims and leases; machine and process by default.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The retry schedule of a transiently failing delivery.</summary>
    public BackoffPolicy Backoff() => new(BackoffBase, BackoffMax, MaxAttempts, maxAge: MaxRetryAge);

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

        if (MapThreadsPerChannel is < 1 or > 256)
        {
            yield return "ErpBridge:Delivery:MapThreadsPerChannel must be between 1 and 256.";
        }

        if (MaxItemsPerCall is < 1 or > 2000)
        {
            yield return "ErpBridge:Delivery:MaxItemsPerCall must be between 1 and 2000.";
        }

        if (LeaseDuration < TimeSpan.FromSeconds(5))
        {
            yield return "ErpBridge:Delivery:LeaseDuration must be at least 5 seconds.";
        }

        if (LeaseHeartbeat is { } heartbeat && (heartbeat < TimeSpan.FromSeconds(1) || heartbeat > LeaseDuration / 3))
        {
            yield return "ErpBridge:Delivery:LeaseHeartbeat must be at least 1 second and at most a third of LeaseDuration, so that a renewal that fails leaves time to stop before the lease runs out.";
        }

        if (MaxAttempts < 0)
        {
            yield return "ErpBridge:Delivery:MaxAttempts must be 0 (no limit on the count) or more.";
        }

        if (MaxRetryAge <= TimeSpan.Zero)
        {
            yield return "ErpBridge:Delivery:MaxRetryAge must be positive.";
        }

        if (MessageBudget < TimeSpan.FromSeconds(1))
        {
            yield return "ErpBridge:Delivery:MessageBudget must be at least 1 second.";
        }

        if (MaxClaimsWithoutOutcome < 1)
        {
            yield return "ErpBridge:Delivery:MaxClaimsWithoutOutcome must be at least 1.";
        }

        if (PausedProbeInterval < TimeSpan.FromSeconds(1))
        {
            yield return "ErpBridge:Delivery:PausedProbeInterval must be at least 1 second.";
        }

        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase)
        {
            yield return "ErpBridge:Delivery:BackoffBase must be positive and BackoffMax at least BackoffBase.";
        }
    }
}
