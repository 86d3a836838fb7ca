using ErpBridge.Core.Delivery;
using ErpBridge.Core.Orders;
using Quartz;

namespace ErpBridge.Orders;

/// <summary>ErpBridge:Orders. Every channel whose platform can be polled is polled, unless its entry turns it off.</summary>
public sealed class OrdersOptions
{
    public const string Section = "ErpBridge:Orders";

    /// <summary>Off: no polling and no pushes (FetchOrders still serves what is stored).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression for polling (seconds first); default every minute.</summary>
    public string Cron { get; set; } = "0 * * * * ?";

    /// <summary>Orders asked for per page (each connector caps it at its platform's maximum).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Each poll asks for orders changed since the cursor minus this, so that orders updated in the same second as the
    /// last one seen (or stamped late by the platform) are not missed. Orders read twice are recognised and skipped.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How far back the first poll of a channel reaches.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A fetched order not acknowledged within this is offered again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of FetchOrders' MaxOrders.</summary>
    public int MaxFetch { get; set; } = 500;

    /// <summary>How often push channels look for due orders (and after each poll that stored something).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Push attempts before an order is marked Failed for an operator.</summary>
    public int MaxPushAttempts { get; set; } = 10;

    public TimeSpan PushBackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PushBackoffMax { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The retry schedule of a push the ERP failed transiently.</summary>
    public BackoffPolicy PushBackoff() => new(PushBackoffBase, PushBackoffMax, MaxPushAttempts);

    /// <summary>Per-channel settings by channel name.</summary>
    public Dictionary<string, ChannelOrdersOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelOrdersOptions For(string channel) => Channels.TryGetValue(channel, out var options) ? options : new ChannelOrdersOptions();

    public string CronFor(string channel) => For(channel).Cron is { Length: > 0 } cron ? cron : Cron;

    public IEnumerable<string> Validate(ICollection<string> configuredChannels, ICollection<string> erpEndpoints)
    {
        if (!CronExpression.TryParse(Cron, out _))
        {
            yield return $"{Section}:Cron: '{Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 * * * * ?').";
        }

        if (PageSize is < 1 or > 1000)
        {
            yield return $"{Section}:PageSize must be between 1 and 1000.";
        }

        if (Overlap < TimeSpan.Zero)
        {
            yield return $"{Section}:Overlap must not be negative.";
        }

        if (VisibilityTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:VisibilityTimeout must be positive.";
        }

        if (MaxFetch < 1)
        {
            yield return $"{Section}:MaxFetch must be at least 1.";
        }

        foreach (var (name, channel) in Channels)
        {
            var key = $"{Section}:Channels:{name}";
            if (!configuredChannels.Contains(name))
            {
                yield return $"{key}: no channel '{name}' is configured under ErpBridge:Channels.";
            }

            if (channel.Cron is { Length: > 0 } cron && !CronExpression.TryParse(cron, out _))
            {
                yield return $"{key}:Cron: '{cron}' is not a Quartz cron expression.";
            }

            if (channel.Handover == OrderHandover.Push && string.IsNullOrWhiteSpace(channel.ErpEndpoint))
            {
                yield return $"{key}:ErpEndpoint: Handover is Push, so name the ERP endpoint (ErpBridge:ErpEndpoints) to push to.";
            }

            if (channel.ErpEndpoint is { Length: > 0 } endpoint && !erpEndpoints.Contains(endpoint))
            {
                yield return $"{key}:ErpEndpoint: no ERP endpoint '{endpoint}' is configured under ErpBridge:ErpEndpoints.";
            }
        }
    }
}

/// <summary>ErpBridge:Orders:Channels:{name}.</summary>
public sealed class ChannelOrdersOptions
{
    /// <summary>False: this channel is not polled.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Overrides ErpBridge:Orders:Cron for this channel.</summary>
    public string? Cron { get; set; }

    /// <summary>Pull (FetchOrders/AcknowledgeOrders, the default) or Push (to <see cref="ErpEndpoint"/>).</summary>
    public OrderHandover Handover { get; set; } = OrderHandover.Pull;

    /// <summary>The ERP endpoint (ErpBridge:ErpEndpoints:{name}) orders of this channel are pushed to.</summary>
    public string? ErpEndpoint { get; set; }
}
