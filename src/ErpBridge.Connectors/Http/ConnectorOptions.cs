using ErpBridge.Core.Metrics;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// What every platform's connector options hold: the HTTP limits set once for all of a channel's requests, how long
/// looked-up ids are trusted, the longest wait a platform may ask for, and the clock. Each platform's options derive
/// from it and add only what that platform needs.
/// </summary>
public abstract class ConnectorOptions
{
    /// <summary>One HTTP request, end to end; a timeout is a transient failure, retried later by the delivery job.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Opening a connection; infinite (the default) leaves it to <see cref="RequestTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Connections per channel.</summary>
    public int MaxConnectionsPerChannel { get; set; } = 4;

    /// <summary>How long a found id (product, variant, location, ...) is trusted.</summary>
    public TimeSpan FoundTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "not found" is trusted: short, because the item may be created any moment.</summary>
    public TimeSpan MissingTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a platform's Retry-After or rate-limit reset is taken at; a longer one (a misconfigured proxy
    /// asking for a day) is cut to this, so that a delivery is retried within the backoff the operator expects.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where each call's time and each 429 are counted; none when null (tests, operator commands).</summary>
    public BridgeMetrics? Metrics { get; set; }

    internal virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        if (ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerChannel, 1, nameof(MaxConnectionsPerChannel));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FoundTtl, TimeSpan.Zero, nameof(FoundTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MissingTtl, TimeSpan.Zero, nameof(MissingTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
