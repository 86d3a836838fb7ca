using ErpBridge.Sandboxes.Api2Cart;
using ErpBridge.Sandboxes.BigCommerce;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Sandboxes.Magento;
using ErpBridge.Sandboxes.ShipStation;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Sandboxes.WooCommerce;
using ErpBridge.Sandboxes.ZohoInventory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Sandboxes;

/// <summary>
/// Starts every sandbox that has a URL and stops them again: in the sandboxes' own process, or beside a Debug host in
/// Development (registered before delivery there, so that the sandboxes answer when the first delivery runs).
/// </summary>
public sealed class SandboxHost(SandboxOptions options, ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> running = [];
    private readonly List<ServedSandbox> served = [];

    /// <summary>What runs where, in start order (bound addresses, port 0 resolved).</summary>
    public IReadOnlyList<ServedSandbox> Served => served;

    public ShopifySandbox? Shopify { get; private set; }

    public BigCommerceSandbox? BigCommerce { get; private set; }

    public WooCommerceSandbox? WooCommerce { get; private set; }

    public MagentoSandbox? Magento { get; private set; }

    public Api2CartSandbox? Api2Cart { get; private set; }

    public ErpSandbox? Erp { get; private set; }

    public ZohoInventorySandbox? ZohoInventory { get; private set; }
    public ShipStationSandbox? ShipStation { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var skus = options.Skus().ToList();
        if (!string.IsNullOrEmpty(options.Shopify.Url))
        {
            Shopify = await ShopifySandbox.StartAsync(
                new ShopifySandboxOptions
                {
                    Url = options.Shopify.Url,
                    AccessToken = options.Shopify.AccessToken,
                    Locations = options.Locations,
                    Skus = skus,
                    RateLimitEnabled = options.RateLimits,
                    BucketSize = options.Shopify.BucketSize,
                    RestoreRate = options.Shopify.RestoreRate,
                },
                cancellationToken);
            running.Add(Shopify);
            Serve("Shopify", Shopify.BaseAddress, $"{skus.Count} SKUs at {string.Join(", ", options.Locations)}");
            logger.LogInformation("Shopify sandbox on {Address} with {Skus} SKUs at {Locations}; state at {State}", Shopify.BaseAddress, skus.Count, options.Locations, new Uri(Shopify.BaseAddress, "_sandbox/state"));
        }

        if (!string.IsNullOrEmpty(options.BigCommerce.Url))
        {
            BigCommerce = await BigCommerceSandbox.StartAsync(
                new BigCommerceSandboxOptions
                {
                    Url = options.BigCommerce.Url,
                    StoreHash = options.BigCommerce.StoreHash,
                    AccessToken = options.BigCommerce.AccessToken,
                    LocationCodes = options.Locations,
                    RateLimitEnabled = options.RateLimits,
                    RateLimitQuota = options.BigCommerce.Quota,
                    RateLimitWindow = options.BigCommerce.Window,
                },
                cancellationToken);
            running.Add(BigCommerce);
            BigCommerce.Seed(skus);
            Serve("BigCommerce", BigCommerce.BaseAddress, $"store {options.BigCommerce.StoreHash}, {skus.Count} SKUs at {string.Join(", ", options.Locations)}");
            logger.LogInformation("BigCommerce sandbox on {Address} (store {StoreHash}) with {Skus} SKUs at {Locations}; state at {State}", BigCommerce.BaseAddress, options.BigCommerce.StoreHash, skus.Count, options.Locations, new Uri(BigCommerce.BaseAddress, "_sandbox/state"));
        }

        await StartWooCommerceAsync(skus, cancellationToken);
        await StartMagentoAsync(skus, cancellationToken);
        await StartApi2CartAsync(skus, cancellationToken);
        await StartErpAsync(cancellationToken);
        await StartZohoInventoryAsync(skus, cancellationToken);
        await StartShipStationAsync(cancellationToken);
    }

    private async Task StartZohoInventoryAsync(List<string> skus, CancellationToken cancellationToken)
    {
        var settings = options.ZohoInventory;
        if (string.IsNullOrEmpty(settings.Url))
        {
            return;
        }

        ZohoInventory = await ZohoInventorySandbox.StartAsync(
            new ZohoInventorySandboxOptions
            {
                Url = settings.Url,
                OrganizationId = settings.OrganizationId,
                ClientId = settings.ClientId,
                ClientSecret = settings.ClientSecret,
                RefreshToken = settings.RefreshToken,
                Locations = options.Locations,
                RateLimitEnabled = options.RateLimits,
            },
            cancellationToken);
        running.Add(ZohoInventory);
        ZohoInventory.Seed(skus);
        Serve("ZohoInventory", ZohoInventory.BaseAddress, $"organisation {settings.OrganizationId}, {skus.Count} items at {string.Join(", ", options.Locations)}, API at {ZohoInventory.ApiAddress}");
        logger.LogInformation("Zoho Inventory sandbox on {Address} (organisation {Organization}) with {Skus} items at {Locations}; state at {State}", ZohoInventory.BaseAddress, settings.OrganizationId, skus.Count, options.Locations, new Uri(ZohoInventory.BaseAddress, "_sandbox/state"));
    }

    private async Task StartApi2CartAsync(List<string> skus, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Api2Cart.Url))
        {
            return;
        }

        Api2Cart = await Api2CartSandbox.StartAsync(
            new Api2CartSandboxOptions { Url = options.Api2Cart.Url, ApiKey = options.Api2Cart.ApiKey, StoreKey = options.Api2Cart.StoreKey, Warehouses = options.Api2Cart.Warehouses },
            cancellationToken);
        running.Add(Api2Cart);
        Api2Cart.Seed(skus);
        Serve("API2Cart", Api2Cart.BaseAddress, $"{skus.Count} SKUs, API at {Api2Cart.ApiRoot}, warehouses {string.Join(", ", options.Api2Cart.Warehouses)}");
        logger.LogInformation("API2Cart sandbox on {Address} with {Skus} SKUs; state at {State}", Api2Cart.ApiRoot, skus.Count, new Uri(Api2Cart.BaseAddress, "_sandbox/state"));
    }

    private async Task StartShipStationAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ShipStation.Url))
        {
            return;
        }

        ShipStation = await ShipStationSandbox.StartAsync(
            new ShipStationSandboxOptions { Url = options.ShipStation.Url, ApiKey = options.ShipStation.ApiKey, ApiSecret = options.ShipStation.ApiSecret, RateLimitEnabled = options.RateLimits },
            cancellationToken);
        running.Add(ShipStation);
        Serve("ShipStation", ShipStation.BaseAddress, "shipping: orders by orderKey, labels bought under _sandbox/labels");
        logger.LogInformation("ShipStation sandbox on {Address}; state at {State}", ShipStation.BaseAddress, new Uri(ShipStation.BaseAddress, "_sandbox/state"));
    }

    private async Task StartErpAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Erp.Url))
        {
            return;
        }

        Erp = await ErpSandbox.StartAsync(
            new ErpSandboxOptions { Url = options.Erp.Url, UserName = options.Erp.UserName, Password = options.Erp.Password },
            cancellationToken);
        running.Add(Erp);
        Serve("ERP", Erp.BaseAddress, $"order receiver, WSDL at {Erp.WsdlAddress}");
        logger.LogInformation("ERP sandbox (order receiver) on {Address}; WSDL at {Wsdl}; state at {State}", Erp.ServiceAddress, Erp.WsdlAddress, new Uri(Erp.BaseAddress, "_sandbox/state"));
    }

    private async Task StartWooCommerceAsync(List<string> skus, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.WooCommerce.Url))
        {
            return;
        }

        WooCommerce = await WooCommerceSandbox.StartAsync(
            new WooCommerceSandboxOptions
            {
                Url = options.WooCommerce.Url,
                ConsumerKey = options.WooCommerce.ConsumerKey,
                ConsumerSecret = options.WooCommerce.ConsumerSecret,
                FulfillmentsEnabled = options.WooCommerce.FulfillmentsEnabled,
            },
            cancellationToken);
        running.Add(WooCommerce);
        WooCommerce.Seed(skus);
        Serve("WooCommerce", WooCommerce.BaseAddress, $"{skus.Count} SKUs, one stock level per product");
        logger.LogInformation("WooCommerce sandbox on {Address} with {Skus} SKUs (one stock level per product); state at {State}", WooCommerce.BaseAddress, skus.Count, new Uri(WooCommerce.BaseAddress, "_sandbox/state"));
    }

    private async Task StartMagentoAsync(List<string> skus, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Magento.Url))
        {
            return;
        }

        Magento = await MagentoSandbox.StartAsync(
            new MagentoSandboxOptions
            {
                Url = options.Magento.Url,
                ConsumerKey = options.Magento.ConsumerKey,
                ConsumerSecret = options.Magento.ConsumerSecret,
                IntegrationAccessToken = options.Magento.AccessToken,
                IntegrationAccessTokenSecret = options.Magento.AccessTokenSecret,
                SourceCodes = options.Locations,
            },
            cancellationToken);
        running.Add(Magento);
        Magento.Seed(skus);
        Serve("Magento", Magento.BaseAddress, $"{skus.Count} SKUs at sources {string.Join(", ", options.Locations)}");
        logger.LogInformation("Magento sandbox on {Address} with {Skus} SKUs at sources {Locations}; state at {State}", Magento.BaseAddress, skus.Count, options.Locations, new Uri(Magento.BaseAddress, "_sandbox/state"));
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var sandbox in running)
        {
            await sandbox.DisposeAsync();
        }

        running.Clear();
        served.Clear();
    }

    private void Serve(string name, Uri baseAddress, string description) =>
        served.Add(new ServedSandbox(name, baseAddress, new Uri(baseAddress, "_sandbox/state"), description));
}
