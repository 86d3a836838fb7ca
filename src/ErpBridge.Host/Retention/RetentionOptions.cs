using System.Globalization;
using Quartz;

namespace ErpBridge.Host.Retention;

/// <summary>
/// ErpBridge:Retention: how old finished rows get before the purge deletes them, per kind. An age of zero (or empty)
/// keeps that kind for ever. What never goes, whatever its age: see docs/storage.md.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "ErpBridge:Retention";

    /// <summary>The shortest age accepted: a purge of younger rows is almost surely a unit mistaken ("00:30" for 30 days).</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    /// <summary>Messages all of whose deliveries were Delivered (or Superseded) this long ago, with their deliveries, items and audit rows.</summary>
    public TimeSpan? DeliveredMessages { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Orders the ERP acknowledged (their current revision) and that have not changed since, this long ago.</summary>
    public TimeSpan? AcknowledgedOrders { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The levels, findings and row of reconciliation runs finished this long ago; the latest finished run of each channel stays.</summary>
    public TimeSpan? ReconciliationRuns { get; set; } = TimeSpan.FromDays(30);

    /// <summary>ALE audits sent to the ERP (and NotIdoc markers) created this long ago; pending and failed ones stay.</summary>
    public TimeSpan? IdocAudits { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A Quartz cron expression (seconds first, UTC) or an interval (e.g. 06:00:00); default nightly at 03:30.</summary>
    public string Schedule { get; set; } = "0 30 3 * * ?";

    /// <summary>Rows deleted per transaction (messages with their rows, orders, audits, rows of a run).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The wait after each batch, so that the writes of intake and delivery always get their turn.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The configured age of a kind, or null when that kind is kept.</summary>
    public static TimeSpan? Enabled(TimeSpan? age) => age is { } value && value > TimeSpan.Zero ? value : null;

    /// <summary>The schedule as an interval when it is one (else it is a cron expression).</summary>
    public TimeSpan? Interval =>
        TimeSpan.TryParse(Schedule, CultureInfo.InvariantCulture, out var interval) ? interval : null;

    /// <summary>Every problem, each naming its key; the windows are those the purge must outlast.</summary>
    /// <param name="auditWindow">ErpBridge:IdocAudits:Window, when some source system has audits on.</param>
    /// <param name="orderWindow">ErpBridge:Reconciliation:OrderWindow plus OrderGrace.</param>
    public IEnumerable<string> Validate(TimeSpan? auditWindow, TimeSpan orderWindow)
    {
        foreach (var (name, age) in Ages())
        {
            if (age < TimeSpan.Zero || (age > TimeSpan.Zero && age < MinimumAge))
            {
                yield return $"{Section}:{name}: '{age}' is not an age of at least one day (e.g. 30.00:00:00, or 30 for 30 days); 0 or empty keeps these rows.";
            }
        }

        if (auditWindow is { } window)
        {
            if (Enabled(DeliveredMessages) is { } delivered && delivered <= window)
            {
                yield return $"{Section}:DeliveredMessages ({delivered}) must be longer than ErpBridge:IdocAudits:Window ({window}): a document must be audited before it goes.";
            }

            if (Enabled(IdocAudits) is { } audits && audits <= window)
            {
                yield return $"{Section}:IdocAudits ({audits}) must be longer than ErpBridge:IdocAudits:Window ({window}): a document whose audit went while it is still looked at would be audited again.";
            }
        }

        if (Enabled(AcknowledgedOrders) is { } orders && orders <= orderWindow)
        {
            yield return $"{Section}:AcknowledgedOrders ({orders}) must be longer than ErpBridge:Reconciliation:OrderWindow plus OrderGrace ({orderWindow}): reconciliation would report the orders gone as missing.";
        }

        if (Interval is { } interval)
        {
            if (interval <= TimeSpan.Zero)
            {
                yield return $"{Section}:Schedule: the interval '{Schedule}' must be positive.";
            }
        }
        else if (!CronExpression.TryParse(Schedule, out _))
        {
            yield return $"{Section}:Schedule: '{Schedule}' is neither a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 30 3 * * ?') nor an interval (e.g. 06:00:00).";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{Section}:BatchSize: {BatchSize} is outside 1..10000.";
        }

        if (BatchPause < TimeSpan.Zero || BatchPause > TimeSpan.FromSeconds(10))
        {
            yield return $"{Section}:BatchPause: '{BatchPause}' is outside 0..00:00:10.";
        }
    }

    private IEnumerable<(string Name, TimeSpan Age)> Ages()
    {
        (string, TimeSpan?)[] ages =
        [
            (nameof(DeliveredMessages), DeliveredMessages),
            (nameof(AcknowledgedOrders), AcknowledgedOrders),
            (nameof(ReconciliationRuns), ReconciliationRuns),
            (nameof(IdocAudits), IdocAudits),
        ];
        return ages.Where(a => a.Item2 is not null).Select(a => (a.Item1, a.Item2!.Value));
    }
}
