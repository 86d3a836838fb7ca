namespace ErpBridge.Sandboxes.Shopify;

/// <summary>How a <see cref="ShopifySandbox"/> starts. Defaults match a Standard-plan shop on API version 2026-01.</summary>
public sealed class ShopifySandboxOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free one (see <see cref="ShopifySandbox.BaseAddress"/>).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The only <c>X-Shopify-Access-Token</c> accepted.</summary>
    public string AccessToken { get; set; } = "shpat_sandbox";

    /// <summary>API versions served; any other version in the path gets 404.</summary>
    public IReadOnlyList<string> ApiVersions { get; set; } = ["2025-07", "2025-10", "2026-01", "2026-04", "2026-07"];

    /// <summary>Locations created at start, in order.</summary>
    public IReadOnlyList<string> Locations { get; set; } = ["WH1", "WH2"];

    /// <summary>SKUs seeded at start (one product, variant and inventory item each).</summary>
    public IReadOnlyList<string> Skus { get; set; } = [];

    /// <summary>
    /// How many demo orders (0 to 4, numbered from #9001, using the first of <see cref="Skus"/>) exist at start, so
    /// that a fresh sandbox has orders to poll. Tests that count orders set 0.
    /// </summary>
    public int DemoOrders { get; set; } = 4;

    public bool RateLimitEnabled { get; set; } = true;

    /// <summary>The cost bucket's size (<c>maximumAvailable</c>).</summary>
    public double BucketSize { get; set; } = 2000;

    /// <summary>Points restored per second (Standard plan: 100).</summary>
    public double RestoreRate { get; set; } = 100;

    /// <summary>The most one query may cost; more is refused with MAX_COST_EXCEEDED.</summary>
    public int MaxQueryCost { get; set; } = 1000;

    /// <summary>How long a bulk query takes before it completes (half CREATED, half RUNNING); the result is then written.</summary>
    public TimeSpan BulkOperationDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a completed bulk operation's result URL stays valid (Shopify: one week).</summary>
    public TimeSpan BulkResultLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
