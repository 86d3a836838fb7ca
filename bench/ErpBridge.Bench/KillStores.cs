namespace ErpBridge.Bench;

/// <summary>The base addresses of the four platform sandboxes the bridge's demo channels deliver to.</summary>
internal sealed record KillStores(Uri Shopify, Uri BigCommerce, Uri WooCommerce, Uri Magento)
{
    /// <summary>The fixed ports a sandboxes' process serves by default (its sandboxes.json).</summary>
    public static KillStores Default { get; } = new(
        new Uri("http://127.0.0.1:5091/"), new Uri("http://127.0.0.1:5092/"), new Uri("http://127.0.0.1:5093/"), new Uri("http://127.0.0.1:5094/"));

    /// <summary>The demo channel each store is reached through, as the shipments name them.</summary>
    public static IReadOnlyList<string> Channels { get; } = ["shopify-demo", "bigcommerce-demo", "woocommerce-demo", "magento-demo"];
}
