namespace ErpBridge.Host.Alerts;

/// <summary>ErpBridge:Alerts: the webhooks alerts go to, the thresholds that raise them, and how they are sent.</summary>
public sealed class AlertOptions
{
    public const string Section = "ErpBridge:Alerts";

    /// <summary>The receivers, by a name of the operator's choosing (used in logs and in the outbox). None: alerts are off.</summary>
    public Dictionary<string, AlertWebhookOptions> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A completed reconciliation run alerts when at least this many items drifted (Drift and MissingOnStore)...</summary>
    public int ReconciliationDriftCount { get; set; } = 1;

    /// <summary>...and at least this share (0 to 1) of the stock items it compared drifted.</summary>
    public double ReconciliationDriftShare { get; set; }

    /// <summary>A channel's orders are behind when its last successful poll is older than this.</summary>
    public TimeSpan OrderPollingLag { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most one dead-letter alert per channel (and node) per interval; the next one carries the count since.</summary>
    public TimeSpan DeadLetterInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often pauses, order polling and reconciliation runs are checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often due alerts are sent (and dead letters counted since the last alert written to the outbox).</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retry backoff of an alert a receiver did not take: doubling, with jitter, from BackoffBase up to BackoffMax.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after it was raised an alert is still retried; then it is marked Failed and logged as an error.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    public bool Enabled => Webhooks.Count > 0;

    /// <summary>Every problem, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, webhook) in Webhooks)
        {
            foreach (var problem in webhook.Validate($"{Section}:Webhooks:{name}"))
            {
                yield return problem;
            }
        }

        if (ReconciliationDriftCount < 1)
        {
            yield return $"{Section}:ReconciliationDriftCount must be at least 1.";
        }

        if (ReconciliationDriftShare is < 0 or > 1 || double.IsNaN(ReconciliationDriftShare))
        {
            yield return $"{Section}:ReconciliationDriftShare must be between 0 and 1.";
        }

        foreach (var (key, value, least) in new[]
        {
            (nameof(OrderPollingLag), OrderPollingLag, TimeSpan.FromSeconds(1)),
            (nameof(DeadLetterInterval), DeadLetterInterval, TimeSpan.Zero),
            (nameof(CheckInterval), CheckInterval, TimeSpan.FromMilliseconds(100)),
            (nameof(SendInterval), SendInterval, TimeSpan.FromMilliseconds(100)),
            (nameof(Timeout), Timeout, TimeSpan.FromSeconds(1)),
            (nameof(BackoffBase), BackoffBase, TimeSpan.FromMilliseconds(100)),
            (nameof(MaxAge), MaxAge, TimeSpan.FromMinutes(1)),
        })
        {
            if (value < least)
            {
                yield return $"{Section}:{key}: '{value}' is less than {least}.";
            }
        }

        if (BackoffMax < BackoffBase)
        {
            yield return $"{Section}:BackoffMax must be at least BackoffBase.";
        }
    }
}
