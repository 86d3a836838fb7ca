using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Orders;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Orders read from the sandbox by the connector, through OrderMap and xslt/orders/shopify.xslt, to ord:Order valid against wsdl/Orders.xsd.</summary>
public sealed class ShopifyOrderMapTests
{
    private const string Token = "shpat_order_map_test";

    private static readonly XNamespace Ord = OrderMap.Namespace;


    private ShopifySandbox sandbox = null!;
    private XsltMapEngine engine = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ShopifySandbox.StartAsync(new ShopifySandboxOptions { AccessToken = Token, Skus = ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"], RateLimitEnabled = false }, CancellationToken.None);
        engine = RepositoryMaps.Open();
    }

    [TearDown]
    public async Task StopAsync()
    {
        engine.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task DemoOrders_ReadAndMapped_AreValidOrdersWithTheirStatuses()
    {
        var orders = await ReadAllAsync();

        var mapped = orders.ToDictionary(o => o.OrderNumber, o => OrderMap.Render(engine, "shopify", "shop-eu", o.Json));

        Assert.That(mapped.Keys, Is.EquivalentTo(new[] { "9001", "9002", "9003", "9004" }));
        foreach (var (number, order) in mapped)
        {
            Assert.That(Validate(order), Is.Empty, $"order {number}:\n{order}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(Text(mapped["9001"], "Status"), Is.EqualTo("Open"));
            Assert.That(Text(mapped["9001"], "PaymentStatus"), Is.EqualTo("Paid"));
            Assert.That(Text(mapped["9002"], "PaymentStatus"), Is.EqualTo("Authorized"));
            Assert.That(mapped["9002"].Descendants(Ord + "Line").Count(l => l.Element(Ord + "Sku") is null), Is.EqualTo(1), "the gift wrapping line has no SKU");
            Assert.That(mapped["9003"].Root!.Element(Ord + "Customer")!.Element(Ord + "PlatformCustomerId"), Is.Null, "a guest");
            Assert.That(Text(mapped["9003"], "PaymentStatus"), Is.EqualTo("Pending"));
            Assert.That(Text(mapped["9004"], "Status"), Is.EqualTo("Cancelled"));
            Assert.That(Text(mapped["9004"], "PaymentStatus"), Is.EqualTo("Refunded"));
            Assert.That(Text(mapped["9004"], "PlatformStatus"), Is.EqualTo("CANCELLED"));
        });
    }

    [Test]
    public async Task PaidOrder_MapsLinesTaxesDiscountsAndTotals()
    {
        var seeded = sandbox.SeedOrder(ShopifyOrders.PaidWithTaxDiscountAndShipping("1001"));

        var json = (await ReadAllAsync()).Single(o => o.OrderNumber == "1001").Json;
        var order = OrderMap.Render(engine, "shopify", "shop-eu", json);

        var lines = order.Descendants(Ord + "Line").ToList();
        var totals = order.Root!.Element(Ord + "Totals")!;
        Assert.Multiple(() =>
        {
            Assert.That(Validate(order), Is.Empty, order.ToString());
            Assert.That(Text(order, "PlatformOrderId"), Is.EqualTo(seeded.LegacyResourceId));
            Assert.That(Text(order, "TaxesIncluded"), Is.EqualTo("true"));
            Assert.That(lines.Select(l => l.Element(Ord + "Total")!.Value), Is.EqualTo(new[] { "49.80", "44.10" }));
            Assert.That(lines.Select(l => l.Element(Ord + "Tax")!.Value), Is.EqualTo(new[] { "7.95", "7.04" }));
            Assert.That(lines[1].Element(Ord + "Discount")!.Value, Is.EqualTo("4.90"));
            Assert.That(totals.Element(Ord + "Subtotal")!.Value, Is.EqualTo("93.90"));
            Assert.That(totals.Element(Ord + "Tax")!.Value, Is.EqualTo("15.77"));
            Assert.That(totals.Element(Ord + "Total")!.Value, Is.EqualTo("98.80"));
            Assert.That(Text(order, "Note"), Is.EqualTo("Ring twice"));
        });
    }

    [Test]
    public async Task ShippedThenCancelledOrders_MapToCompletedAndCancelled()
    {
        sandbox.SeedOrder("1002", [("SKU-1", 1)]);
        sandbox.SeedOrder(ShopifyOrders.Simple("1003"));
        sandbox.CancelOrder("1003", refund: false);
        await using var connector = Connector();
        var shipped = await connector.ExecuteAsync(ShopifyShipments.Plan("shop-eu", "M-1", new CanonicalShipment("shop-eu", "1002", "S-1", "UPS", "1Z1", null, ("SKU-1", 1))), CancellationToken.None);
        Assert.That(shipped, Is.TypeOf<ErpBridge.Core.Delivery.DeliveryOutcome.Delivered>(), shipped.ToString());

        var orders = (await ReadAllAsync()).ToDictionary(o => o.OrderNumber, o => OrderMap.Render(engine, "shopify", "shop-eu", o.Json));

        Assert.Multiple(() =>
        {
            Assert.That(Text(orders["1002"], "Status"), Is.EqualTo("Completed"));
            Assert.That(Text(orders["1002"], "PlatformStatus"), Is.EqualTo("FULFILLED"));
            Assert.That(Text(orders["1003"], "Status"), Is.EqualTo("Cancelled"));
            Assert.That(Text(orders["1003"], "PaymentStatus"), Is.EqualTo("Paid"), "cancelled without refund keeps the captured payment");
        });
    }

    private async Task<List<ErpBridge.Connectors.PlatformOrder>> ReadAllAsync()
    {
        await using var connector = Connector();
        return (await ShopifyOrders.ReadAllAsync(connector, DateTimeOffset.UnixEpoch, 10)).SelectMany(p => p.Orders).ToList();
    }

    private ShopifyConnector Connector() =>
        (ShopifyConnector)new ShopifyConnectorFactory().Create("shop-eu", new ChannelOptions { Platform = "Shopify", BaseUrl = sandbox.BaseAddress.ToString(), AccessToken = Token });

    private static string? Text(XDocument order, string name) => order.Root!.Element(Ord + name)?.Value;

    private static List<string> Validate(XDocument order)
    {
        var errors = new List<string>();
        order.Validate(CanonicalSchemas.Orders, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
