using ErpBridge.Core.Delivery;
using Quartz;

namespace ErpBridge.Reconciliation;

/// <summary>ErpBridge:Reconciliation. Every channel whose platform can read stock in bulk is reconciled, unless its entry turns it off.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "ErpBridge:Reconciliation";

    /// <summary>Off: no scheduled runs (runs asked for over SOAP or the command line still happen).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression (seconds first, UTC); default nightly at 02:00.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>
    /// Stock levels (or products) asked for per page; each connector caps it at its platform's maximum (Shopify 10,000
    /// levels of a bulk result, BigCommerce 1,000, Magento 300, WooCommerce 100), so the default takes the largest pages.
    /// </summary>
    public int PageSize { get; set; } = 10_000;

    /// <summary>Store orders changed within this window are checked against the orders the bridge stored; zero turns the check off.</summary>
    public TimeSpan OrderWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Orders changed more recently than this are not reported: the poller and the ERP have not had their turn yet
    /// (a stored order the ERP has not taken is reported once it is older than this).
    /// </summary>
    public TimeSpan OrderGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts at one page the platform fails transiently before the run fails.</summary>
    public int MaxPageAttempts { get; set; } = 6;

    /// <summary>The wait before a page is read again: 2, 4, 8 ... seconds up to a minute, no jitter (one reader per run).</summary>
    public BackoffPolicy PageBackoff() => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), MaxPageAttempts, jitter: false);

    /// <summary>Corrective items per healing message.</summary>
    public int HealBatchSize { get; set; } = 250;

    public Dictionary<string, ChannelReconciliationOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelReconciliationOptions For(string channel) => Channels.TryGetValue(channel, out var options) ? options : new ChannelReconciliationOptions();

    public string CronFor(string channel) => For(channel).Cron is { Length: > 0 } cron ? cron : Cron;

    public IEnumerable<string> Validate(ICollection<string> configuredChannels)
    {
        if (!CronExpression.TryParse(Cron, out _))
        {
            yield return $"{Section}:Cron: '{Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 2 * * ?').";
        }

        if (PageSize is < 1 or > 100_000)
        {
            yield return $"{Section}:PageSize must be between 1 and 100000.";
        }

        if (OrderWindow < TimeSpan.Zero || OrderGrace < TimeSpan.Zero)
        {
            yield return $"{Section}:OrderWindow and OrderGrace must not be negative.";
        }

        if (HealBatchSize is < 1 or > 1000)
        {
            yield return $"{Section}:HealBatchSize must be between 1 and 1000.";
        }

        foreach (var (name, channel) in Channels)
        {
            if (!configuredChannels.Contains(name))
            {
                yield return $"{Section}:Channels:{name}: no channel '{name}' is configured under ErpBridge:Channels.";
            }

            if (channel.Cron is { Length: > 0 } cron && !CronExpression.TryParse(cron, out _))
            {
                yield return $"{Section}:Channels:{name}:Cron: '{cron}' is not a Quartz cron expression.";
            }
        }
    }
}

/// <summary>ErpBridge:Reconciliation:Channels:{name}.</summary>
public sealed class ChannelReconciliationOptions
{
    public bool Enabled { get; set; } = true;

    public string? Cron { get; set; }

    /// <summary>Queue corrective stock deliveries for drift (through the normal pipeline: ordering and rate limits apply).</summary>
    public bool Heal { get; set; }
}
