namespace ErpBridge.Tests.Support;

/// <summary>The channels the default configuration routes stock and products to: one sandbox store per platform.</summary>
public static class DemoChannels
{
    public static readonly string[] Routed = ["shopify-demo", "bigcommerce-demo", "woocommerce-demo", "magento-demo", "api2cart-demo", "zoho-demo"];
}
