namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>How a <see cref="BigCommerceSandbox"/> starts: where it listens, the one store it serves and that store's limits.</summary>
public sealed class BigCommerceSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public string StoreHash { get; set; } = "sandbox";

    /// <summary>The X-Auth-Token the store accepts.</summary>
    public string AccessToken { get; set; } = "sandbox-token";

    /// <summary>Inventory location codes, given ids 1, 2, ... in this order (BigCommerce's default location is id 1).</summary>
    public IList<string> LocationCodes { get; set; } = ["WH1"];

    /// <summary>Off by default so that tests and demos are not slowed; the headers are sent either way.</summary>
    public bool RateLimitEnabled { get; set; }

    /// <summary>Requests per window (BigCommerce Standard/Plus: 150 per 30 s).</summary>
    public int RateLimitQuota { get; set; } = 150;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests kept in <see cref="BigCommerceSandbox.Requests"/>; the oldest are dropped beyond it (benchmarks).</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Places the demo orders (ids 100 to 103: paid and awaiting fulfillment, awaiting payment as a guest, shipped, and
    /// cancelled) on start, so that a fresh sandbox has orders to poll. Tests that count orders switch it off.
    /// </summary>
    public bool DemoOrders { get; set; } = true;

    /// <summary>
    /// The SKUs the demo orders buy: the host's demo catalog (SkuPrefix MAT-, from 100000). Lines are linked to the
    /// catalog product of their SKU once <see cref="BigCommerceSandbox.Seed"/> has created it.
    /// </summary>
    public IList<string> DemoOrderSkus { get; set; } = ["MAT-100000", "MAT-100001", "MAT-100002"];
}
