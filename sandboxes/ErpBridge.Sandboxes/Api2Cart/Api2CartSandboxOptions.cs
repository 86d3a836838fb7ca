namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>How an <see cref="Api2CartSandbox"/> starts: where it listens, the account and cart keys it accepts, the cart's warehouses.</summary>
public sealed class Api2CartSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests). The API answers under <c>/v1.1/</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The account's x-api-key.</summary>
    public string ApiKey { get; set; } = "a2c-sandbox-api-key";

    /// <summary>The connected cart's x-store-key.</summary>
    public string StoreKey { get; set; } = "a2c-sandbox-store-key";

    /// <summary>The cart's warehouse ids (besides every product's own quantity).</summary>
    public IList<string> Warehouses { get; set; } = ["1", "2"];

    /// <summary>Calls in flight at once before the cart answers return code 7 (API2Cart: 5 per store).</summary>
    public int MaxConcurrentRequests { get; set; } = 5;

    /// <summary>How long an idempotency_key replays its first answer (API2Cart: 15 minutes).</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests kept in <see cref="Api2CartSandbox.Requests"/>; the oldest are dropped beyond it.</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Places two demo orders (order_id 5001 paid and processing, 5002 pending) on start; tests that count orders switch it off.</summary>
    public bool DemoOrders { get; set; } = true;

    /// <summary>The SKUs the demo orders buy (the host's demo catalog).</summary>
    public IList<string> DemoOrderSkus { get; set; } = ["MAT-100000", "MAT-100001"];
}
