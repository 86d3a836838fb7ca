using ErpBridge.Connectors.Api2Cart;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Connectors.Http;
using ErpBridge.Connectors.Magento;
using ErpBridge.Connectors.ShipStation;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Connectors.ZohoInventory;

namespace ErpBridge.Connectors;

/// <summary>
/// ErpBridge:Connectors: the settings every channel of a platform shares (timeouts, connections, id cache lifetimes,
/// the longest wait a platform may ask for, platform specifics), bound and validated with the bridge's other options.
/// </summary>
public sealed class ConnectorSettings
{
    public const string Section = "ErpBridge:Connectors";

    public ShopifyConnectorOptions Shopify { get; set; } = new();

    public BigCommerceConnectorOptions BigCommerce { get; set; } = new();

    public WooCommerceConnectorOptions WooCommerce { get; set; } = new();

    public MagentoConnectorOptions Magento { get; set; } = new();

    public Api2CartConnectorOptions Api2Cart { get; set; } = new();
    public ZohoInventoryConnectorOptions ZohoInventory { get; set; } = new();
    public ShipStationConnectorOptions ShipStation { get; set; } = new();

    /// <summary>Every problem, each naming its key (for example ErpBridge:Connectors:WooCommerce:SkuLookupBatchSize).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (platform, options) in new (string, ConnectorOptions)[] { ("Shopify", Shopify), ("BigCommerce", BigCommerce), ("WooCommerce", WooCommerce), ("Magento", Magento), ("Api2Cart", Api2Cart), ("ZohoInventory", ZohoInventory), ("ShipStation", ShipStation) })
        {
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                // The options throw with the property as ParamName; the message's "(Parameter ...)" tail repeats it.
                var reason = ex.Message.Split(" (Parameter", 2)[0].ReplaceLineEndings(" ").Trim();
                errors.Add($"{Section}:{platform}:{ex.ParamName}: {reason}");
            }
        }

        return errors;
    }
}
