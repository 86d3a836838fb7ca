using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Host;
using ErpBridge.Sandboxes.Api2Cart;
using ErpBridge.Sandboxes.BigCommerce;
using ErpBridge.Sandboxes.Magento;
using ErpBridge.Sandboxes.ShipStation;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Sandboxes.WooCommerce;
using ErpBridge.Sandboxes.ZohoInventory;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// The whole flow on real parts: the bridge on 127.0.0.1 with its own SQLite file, delivery on, and its channels
/// pointed at platform sandboxes started for the test. The database lives outside the bridge's folder so that a test
/// can stop the bridge and start another one on the same store.
/// </summary>
public sealed class DeliveryWorld : IAsyncDisposable
{
    public const string ShopifyChannel = "shopify-demo";
    public const string ShopifyToken = "shpat_e2e_token";
    public const string BigCommerceChannel = "bigcommerce-demo";
    public const string BigCommerceToken = "bc_e2e_token";
    public const string StoreHash = "e2estore";
    public const string WooCommerceChannel = "woocommerce-demo";
    public const string MagentoChannel = "magento-demo";
    public const string Api2CartChannel = "api2cart-demo";
    public const string ZohoChannel = "zoho-demo";
    public const string ShipStationChannel = "shipstation-demo";
    public const string Location = "WH01";

    private static readonly XNamespace OrderNs = "urn:erpbridge:orders:v1";

    private readonly TempFolder folder;
    private readonly Dictionary<string, string?> settings;

    private DeliveryWorld(TempFolder folder, ShopifySandbox shopify, BigCommerceSandbox bigCommerce, WooCommerceSandbox wooCommerce, MagentoSandbox magento, Api2CartSandbox api2Cart, ZohoInventorySandbox zoho, ShipStationSandbox shipStation, Dictionary<string, string?> settings)
    {
        Api2Cart = api2Cart;
        Zoho = zoho;
        this.folder = folder;
        ShipStation = shipStation;
        Shopify = shopify;
        BigCommerce = bigCommerce;
        WooCommerce = wooCommerce;
        Magento = magento;
        this.settings = settings;
    }

    public WooCommerceSandbox WooCommerce { get; }

    /// <summary>Every platform credential the bridge holds, for checks that none of them leaks.</summary>
    public IReadOnlyList<string> Secrets => [ShopifyToken, BigCommerceToken, "cs_e2e", Magento.Options.ConsumerSecret, Magento.Options.IntegrationAccessToken, Magento.Options.IntegrationAccessTokenSecret, Api2Cart.Options.ApiKey, Api2Cart.Options.StoreKey, Zoho.Options.ClientSecret, Zoho.Options.RefreshToken, "ss_e2e_secret"];

    public MagentoSandbox Magento { get; }

    /// <summary>The API2Cart cart: the demo channel's Locations map WH01 to the product's own quantity, WH02 and WH03 to warehouses 1 and 2.</summary>
    public Api2CartSandbox Api2Cart { get; }

    public ZohoInventorySandbox Zoho { get; }


    /// <summary>The shipping channel the Development configuration forwards web orders to.</summary>
    public ShipStationSandbox ShipStation { get; }

    /// <summary>Every sandbox fails its next <paramref name="count"/> requests with <paramref name="status"/>.</summary>
    public void FailEverywhere(int count, int status)
    {
        Shopify.FailNext(count, status);
        BigCommerce.FailNext(count, status);
        WooCommerce.FailNext(count, status);
        Magento.FailNext(count, status);
        Api2Cart.FailNext(count, status);
        Zoho.FailNext(count, status);
    }

    public ShopifySandbox Shopify { get; }

    public BigCommerceSandbox BigCommerce { get; }

    public BridgeFixture Bridge { get; private set; } = null!;

    public SoapClient Soap { get; private set; } = null!;

    public static async Task<DeliveryWorld> StartAsync(IDictionary<string, string?>? overrides = null, IEnumerable<string>? skus = null)
    {
        var folder = new TempFolder();
        var catalogue = (skus ?? Enumerable.Range(1, 20).Select(i => $"E2E-{i:D3}")).ToList();
        var shopify = await ShopifySandbox.StartAsync(
            new ShopifySandboxOptions { AccessToken = ShopifyToken, Locations = [Location, "WH02"], Skus = catalogue, RateLimitEnabled = false },
            CancellationToken.None);
        var bigCommerce = await BigCommerceSandbox.StartAsync(
            new BigCommerceSandboxOptions { StoreHash = StoreHash, AccessToken = BigCommerceToken, LocationCodes = [Location, "WH02"], RateLimitEnabled = false },
            CancellationToken.None);
        bigCommerce.Seed(catalogue);
        var wooCommerce = await WooCommerceSandbox.StartAsync(new WooCommerceSandboxOptions { ConsumerKey = "ck_e2e", ConsumerSecret = "cs_e2e" }, CancellationToken.None);
        wooCommerce.Seed(catalogue);
        var magento = await MagentoSandbox.StartAsync(new MagentoSandboxOptions { SourceCodes = [Location, "WH02"] }, CancellationToken.None);
        magento.Seed(catalogue);
        var api2Cart = await Api2CartSandbox.StartAsync(new Api2CartSandboxOptions { ApiKey = "a2c_e2e_api_key", StoreKey = "a2c_e2e_store_key", DemoOrders = false }, CancellationToken.None);
        api2Cart.Seed(catalogue);
        var zoho = await ZohoInventorySandbox.StartAsync(new ZohoInventorySandboxOptions { Locations = [Location, "WH02"], ClientSecret = "zoho_e2e_secret", RefreshToken = "1000.zoho_e2e_refresh" }, CancellationToken.None);
        zoho.Seed(catalogue);
        var shipStation = await ShipStationSandbox.StartAsync(new ShipStationSandboxOptions { ApiKey = "ss_e2e_key", ApiSecret = "ss_e2e_secret" }, CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={folder.File("bridge.db")}",
            ["ErpBridge:Delivery:Enabled"] = "true",
            ["ErpBridge:Delivery:PollInterval"] = "00:00:00.200",
            ["ErpBridge:Delivery:BackoffBase"] = "00:00:00.200",
            ["ErpBridge:Delivery:BackoffMax"] = "00:00:01",
            ["ErpBridge:Delivery:MaxAttempts"] = "5",
            [$"ErpBridge:Channels:{ShopifyChannel}:BaseUrl"] = shopify.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{ShopifyChannel}:AccessToken"] = ShopifyToken,
            [$"ErpBridge:Channels:{BigCommerceChannel}:BaseUrl"] = bigCommerce.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{BigCommerceChannel}:AccessToken"] = BigCommerceToken,
            [$"ErpBridge:Channels:{BigCommerceChannel}:StoreHash"] = StoreHash,
            [$"ErpBridge:Channels:{WooCommerceChannel}:BaseUrl"] = wooCommerce.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{WooCommerceChannel}:ConsumerKey"] = "ck_e2e",
            [$"ErpBridge:Channels:{WooCommerceChannel}:ConsumerSecret"] = "cs_e2e",
            [$"ErpBridge:Channels:{MagentoChannel}:BaseUrl"] = magento.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{MagentoChannel}:ConsumerKey"] = magento.Options.ConsumerKey,
            [$"ErpBridge:Channels:{MagentoChannel}:ConsumerSecret"] = magento.Options.ConsumerSecret,
            [$"ErpBridge:Channels:{MagentoChannel}:AccessToken"] = magento.Options.IntegrationAccessToken,
            [$"ErpBridge:Channels:{MagentoChannel}:AccessTokenSecret"] = magento.Options.IntegrationAccessTokenSecret,
            [$"ErpBridge:Channels:{Api2CartChannel}:BaseUrl"] = api2Cart.ApiRoot.ToString(),
            [$"ErpBridge:Channels:{Api2CartChannel}:ApiKey"] = api2Cart.Options.ApiKey,
            [$"ErpBridge:Channels:{Api2CartChannel}:StoreKey"] = api2Cart.Options.StoreKey,
            [$"ErpBridge:Channels:{ZohoChannel}:BaseUrl"] = zoho.ApiAddress.ToString(),
            [$"ErpBridge:Channels:{ZohoChannel}:AccountsUrl"] = zoho.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{ZohoChannel}:OrganizationId"] = zoho.Options.OrganizationId,
            [$"ErpBridge:Channels:{ZohoChannel}:ClientId"] = zoho.Options.ClientId,
            [$"ErpBridge:Channels:{ZohoChannel}:ClientSecret"] = zoho.Options.ClientSecret,
            [$"ErpBridge:Channels:{ZohoChannel}:RefreshToken"] = zoho.Options.RefreshToken,
            [$"ErpBridge:Channels:{ShipStationChannel}:BaseUrl"] = shipStation.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{ShipStationChannel}:ConsumerKey"] = "ss_e2e_key",
            [$"ErpBridge:Channels:{ShipStationChannel}:ConsumerSecret"] = "ss_e2e_secret",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var world = new DeliveryWorld(folder, shopify, bigCommerce, wooCommerce, magento, api2Cart, zoho, shipStation, settings);
        await world.StartBridgeAsync();
        return world;
    }

    /// <summary>The bridge's settings, for an operator command run against the same database and channels.</summary>
    public IReadOnlyDictionary<string, string?> Settings => settings;

    /// <summary>Runs an operator command against this world's database and channels (no log file), capturing both streams.</summary>
    public async Task<(int Code, string Output, string Error)> RunOperatorAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var commandSettings = settings.ToDictionary(p => p.Key, p => p.Value);
        commandSettings["ErpBridge:Logging:File"] = "";
        var code = await OperatorCommands.RunAsync(args, output, error, config => config.AddInMemoryCollection(commandSettings));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Changes a setting for the next start of the bridge.</summary>
    public void Set(string key, string? value) => settings[key] = value;

    /// <summary>Stops the bridge (as a restart would) and starts a new one on the same database.</summary>
    public async Task RestartBridgeAsync()
    {
        Soap.Dispose();
        await Bridge.DisposeAsync();
        await StartBridgeAsync();
    }

    public async Task StopBridgeAsync()
    {
        Soap.Dispose();
        await Bridge.DisposeAsync();
    }

    public async Task StartBridgeAsync()
    {
        Bridge = await BridgeFixture.StartAsync(settings);
        Soap = new SoapClient(Bridge.ServiceAddress);
    }

    public async Task<SoapResponse> SubmitAsync(string body)
    {
        var response = await Soap.PostAsync(Envelopes.Wrap(body));
        Assert.That(response.Fault, Is.Null, response.Body);
        return response;
    }

    public static string Stock(string messageId, DateTimeOffset sentAt, params (string Sku, int Quantity)[] items) =>
        $"""<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>{messageId}</inv:MessageId><inv:SentAt>{Time(sentAt)}</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items>{string.Concat(items.Select(i => $"<inv:Item><inv:Sku>{i.Sku}</inv:Sku><inv:Location>{Location}</inv:Location><inv:Quantity>{i.Quantity}</inv:Quantity></inv:Item>"))}</inv:Items></inv:SubmitInventory>""";

    public static string Product(string messageId, DateTimeOffset sentAt, string sku, string title, decimal price, string status = "active") =>
        $"""<prd:SubmitProducts xmlns:prd="urn:erpbridge:products:v1"><prd:MessageId>{messageId}</prd:MessageId><prd:SentAt>{Time(sentAt)}</prd:SentAt><prd:SourceSystem>SAP-ECC</prd:SourceSystem><prd:Products><prd:Product><prd:Sku>{sku}</prd:Sku><prd:Title>{title}</prd:Title><prd:Description>From the ERP</prd:Description><prd:Price>{price.ToString(CultureInfo.InvariantCulture)}</prd:Price><prd:Currency>EUR</prd:Currency><prd:Status>{status}</prd:Status><prd:Barcode>4006381333931</prd:Barcode><prd:Weight unit="kg">1.25</prd:Weight></prd:Product></prd:Products></prd:SubmitProducts>""";

    /// <summary>
    /// Fetches orders over SOAP as the ERP does (a fetch hides what it returned, so every answer is kept) until the
    /// wanted orders of these channels have come; returns them in that order.
    /// </summary>
    public async Task<List<XElement>> FetchOrdersAsync(params (string Channel, string OrderNumber)[] wanted)
    {
        // Polled now rather than waiting for the schedule, whose poll on start may have come too early on a busy machine.
        foreach (var channel in wanted.Select(w => w.Channel).Distinct())
        {
            await Bridge.App.Services.GetRequiredService<ErpBridge.Orders.OrderPoller>().PollAsync(channel, CancellationToken.None);
        }

        var seen = new List<XElement>();
        XElement? Find((string Channel, string OrderNumber) w) =>
            seen.FirstOrDefault(o => (string?)o.Element(OrderNs + "Channel") == w.Channel && (string?)o.Element(OrderNs + "OrderNumber") == w.OrderNumber);
        await EventuallyAsync(
            () =>
            {
                var response = SubmitAsync("""<ord:FetchOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:MaxOrders>100</ord:MaxOrders></ord:FetchOrders>""").GetAwaiter().GetResult();
                seen.AddRange(response.Xml.Descendants(OrderNs + "Order"));
                return wanted.All(w => Find(w) is not null);
            },
            $"orders {string.Join(", ", wanted.Select(w => $"{w.OrderNumber} of {w.Channel}"))} polled and fetched");
        return wanted.Select(w => Find(w)!).ToList();
    }

    /// <summary>GetMessageStatus over SOAP: each channel's delivery element.</summary>
    public async Task<IReadOnlyDictionary<string, XElement>> StatusAsync(string messageId)
    {
        var response = await Soap.PostAsync(Envelopes.Wrap(Envelopes.Status(messageId)));
        Assert.That(response.Fault, Is.Null, response.Body);
        XNamespace st = "urn:erpbridge:status:v1";
        return response.Xml.Descendants(st + "Delivery").ToDictionary(d => d.Element(st + "Channel")!.Value, d => d);
    }

    public static string StatusOf(XElement delivery) => delivery.Element((XNamespace)"urn:erpbridge:status:v1" + "Status")!.Value;

    /// <summary>Waits until every channel of the message has reached one of the given states; returns the deliveries.</summary>
    public async Task<IReadOnlyDictionary<string, XElement>> WaitForAsync(string messageId, params string[] states)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30);
        IReadOnlyDictionary<string, XElement> deliveries;
        do
        {
            deliveries = await StatusAsync(messageId);
            if (deliveries.Count > 0 && deliveries.Values.All(d => states.Contains(StatusOf(d))))
            {
                return deliveries;
            }

            await Task.Delay(100);
        }
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline);

        Assert.Fail($"{messageId} did not reach {string.Join("/", states)} within 30 s: {string.Join("; ", deliveries.Select(d => d.Key + "=" + d.Value))}");
        return deliveries;
    }

    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                Assert.Fail($"Not within 30 s: {what}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Soap?.Dispose();
        if (Bridge is not null)
        {
            await Bridge.DisposeAsync();
        }

        await Shopify.DisposeAsync();
        await BigCommerce.DisposeAsync();
        await WooCommerce.DisposeAsync();
        await Magento.DisposeAsync();
        await Api2Cart.DisposeAsync();
        await Zoho.DisposeAsync();
        await ShipStation.DisposeAsync();
        folder.Dispose();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
