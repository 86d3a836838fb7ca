namespace ErpBridge.Core.Routing;

public static class Platform
{
    public const string Shopify = "shopify";
    public const string WooCommerce = "woocommerce";
    public const string Magento = "magento";
    public const string BigCommerce = "bigcommerce";
    public const string Api2Cart = "api2cart";
    public const string ZohoInventory = "zoho-inventory";
    public const string ShipStation = "shipstation";

    public static readonly IReadOnlyList<string> All = [Shopify, WooCommerce, Magento, BigCommerce, Api2Cart, ZohoInventory, ShipStation];
    /// <summary>
    /// Platforms whose channels receive web orders (ErpBridge:Routes:Orders) and nothing else: shipping software.
    /// Their channels are not stores: no stock, products, prices or shipments are routed to them, and no orders polled.
    /// </summary>
    public static readonly IReadOnlyList<string> ReceivingOrders = [ShipStation];
}
