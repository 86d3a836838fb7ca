namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>How a <see cref="WooCommerceSandbox"/> starts: where it listens and the one REST API key it accepts.</summary>
public sealed class WooCommerceSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests). Plain HTTP, so requests must be OAuth 1.0a-signed.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public string ConsumerKey { get; set; } = "ck_sandbox";

    public string ConsumerSecret { get; set; } = "cs_sandbox";

    /// <summary>WooCommerce accepts OAuth timestamps this far from its clock (15 minutes).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Items per batch request, create + update + delete (WooCommerce's default of the woocommerce_rest_batch_items_limit filter).</summary>
    public int BatchLimit { get; set; } = 100;

    /// <summary>Requests kept in <see cref="WooCommerceSandbox.Requests"/>; the oldest are dropped beyond it.</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    /// <summary>
    /// Whether the store has WooCommerce's core fulfillments feature (WC 10.1+, behind a feature flag): when off, the
    /// <c>orders/{id}/fulfillments</c> routes answer 404 <c>rest_no_route</c>, as on most stores today.
    /// </summary>
    public bool FulfillmentsEnabled { get; set; }

    /// <summary>
    /// Whether the first <see cref="WooCommerceSandbox.Seed"/> of a store without orders also places a few demo orders
    /// with the seeded SKUs, so that a fresh demo has orders to poll.
    /// </summary>
    public bool DemoOrders { get; set; } = true;

    /// <summary>The store's clock: order times, and the OAuth timestamp window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
