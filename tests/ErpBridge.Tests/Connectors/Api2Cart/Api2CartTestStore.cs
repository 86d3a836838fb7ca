using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.Api2Cart;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.Api2Cart;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Api2Cart;

/// <summary>
/// A sandbox cart for one test (no demo orders) and a connector for it, its channel's Locations mapping WH1 to the
/// product's own quantity and WH2 to warehouse 1; plans come from the shipped API2Cart maps.
/// </summary>
internal sealed class Api2CartTestStore : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-7c1";
    public const string StoreKey = "test-store-key-9d4";

    private Api2CartTestStore(Api2CartSandbox sandbox, IChannelConnector connector)
    {
        Sandbox = sandbox;
        Connector = connector;
    }

    public Api2CartSandbox Sandbox { get; }

    public IChannelConnector Connector { get; }

    public IOrderSource Orders => (IOrderSource)Connector;

    public IStockReader StockReader => (IStockReader)Connector;

    public static async Task<Api2CartTestStore> StartAsync(Action<Api2CartSandboxOptions>? configure = null, Api2CartConnectorOptions? connectorOptions = null, string? apiKey = null)
    {
        var options = new Api2CartSandboxOptions { ApiKey = ApiKey, StoreKey = StoreKey, DemoOrders = false };
        configure?.Invoke(options);
        var sandbox = await Api2CartSandbox.StartAsync(options, CancellationToken.None);
        var channel = new ChannelOptions
        {
            Platform = Platform.Api2Cart,
            BaseUrl = sandbox.ApiRoot.ToString(),
            ApiKey = apiKey ?? ApiKey,
            StoreKey = StoreKey,
            Locations = new Dictionary<string, string>(StringComparer.Ordinal) { ["WH1"] = "", ["WH2"] = "1" },
        };
        return new Api2CartTestStore(sandbox, new Api2CartConnectorFactory(connectorOptions).Create("a2c-test", channel));
    }

    /// <summary>The plan the shipped map makes of a canonical message for this channel.</summary>
    public static RequestPlan Plan(string map, string canonical, string key = "KEY-1")
    {
        using var engine = RepositoryMaps.Open();
        return RequestPlan.Parse(engine.Transform($"outbound/api2cart/{map}", XDocument.Parse(canonical), new Dictionary<string, string>
        {
            ["message-id"] = "M-1",
            ["channel"] = "a2c-test",
            ["idempotency-key"] = key,
        }));
    }

    public static string Stock(params (string Sku, string Location, int Quantity)[] items) =>
        $"""<SubmitInventory xmlns="urn:erpbridge:inventory:v1"><MessageId>M-1</MessageId><SentAt>2026-11-26T10:00:00Z</SentAt><SourceSystem>T</SourceSystem><Items>{string.Concat(items.Select(i => $"<Item><Sku>{i.Sku}</Sku><Location>{i.Location}</Location><Quantity>{i.Quantity}</Quantity></Item>"))}</Items></SubmitInventory>""";

    public static string Product(string sku, string title, decimal? price) =>
        $"""<SubmitProducts xmlns="urn:erpbridge:products:v1"><MessageId>M-1</MessageId><SentAt>2026-11-26T10:00:00Z</SentAt><SourceSystem>T</SourceSystem><Products><Product><Sku>{sku}</Sku><Title>{title}</Title><Description>Line one&#10;line two</Description>{(price is { } p ? $"<Price>{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}</Price><Currency>EUR</Currency>" : "")}<Status>active</Status><Barcode>4006381333931</Barcode><Weight unit="kg">1.5</Weight></Product></Products></SubmitProducts>""";

    public static string Shipment(string order, string tracking, params (string Sku, int Quantity)[] lines) =>
        $"""<SubmitShipments xmlns="urn:erpbridge:shipments:v1"><MessageId>M-1</MessageId><SentAt>2026-11-26T10:00:00Z</SentAt><SourceSystem>T</SourceSystem><Shipments><Shipment><Channel>a2c-test</Channel><OrderNumber>{order}</OrderNumber><ShipmentId>S-{tracking}</ShipmentId><Carrier>UPS</Carrier><TrackingNumber>{tracking}</TrackingNumber><TrackingUrl>https://ups.example/{tracking}</TrackingUrl><ShippedAt>2026-11-26T09:00:00Z</ShippedAt><Lines>{string.Concat(lines.Select(l => $"<Line><Sku>{l.Sku}</Sku><Quantity>{l.Quantity}</Quantity></Line>"))}</Lines></Shipment></Shipments></SubmitShipments>""";

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
