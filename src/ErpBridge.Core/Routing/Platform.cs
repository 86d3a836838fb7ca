namespace ErpBridge.Core.Routing;

public static class Platform
{
    public const string Shopify = "shopify";
    public const string WooCommerce = "woocommerce";
    public const string Magento = "magento";
    public const string BigCommerce = "bigcommerce";
    public const string Api2Cart = "api2cart";
    public const string ZohoInventory = "zoho-inventory";

    public static readonly IReadOnlyList<string> All = [Shopify, WooCommerce, Magento, BigCommerce, Api2Cart, ZohoInventory];
}
