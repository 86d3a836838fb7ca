using System.Globalization;
using System.Xml.Linq;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// SOAP in, API2Cart cart out, through the Development channel api2cart-demo (WH01 the product's own quantity, WH02
/// warehouse 1): stock, products, an order fetched by the ERP, its shipment with tracking, each effect once.
/// </summary>
[NonParallelizable]
public sealed class Api2CartEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Stock_ReachesTheCartPerWarehouse_WithAnIdempotencyKeyPerCall()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(
            """<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>A-S1</inv:MessageId><inv:SentAt>2026-11-26T10:00:00Z</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items>"""
            + """<inv:Item><inv:Sku>E2E-001</inv:Sku><inv:Location>WH01</inv:Location><inv:Quantity>42</inv:Quantity></inv:Item>"""
            + """<inv:Item><inv:Sku>E2E-001</inv:Sku><inv:Location>WH02</inv:Location><inv:Quantity>7</inv:Quantity></inv:Item>"""
            + """<inv:Item><inv:Sku>NOT-IN-CART</inv:Sku><inv:Location>WH01</inv:Location><inv:Quantity>1</inv:Quantity></inv:Item>"""
            + """<inv:Item><inv:Sku>E2E-002</inv:Sku><inv:Location>WH99</inv:Location><inv:Quantity>3</inv:Quantity></inv:Item>"""
            + "</inv:Items></inv:SubmitInventory>");
        var deliveries = await world.WaitForAsync("A-S1", "Delivered", "Failed");

        var cart = world.Api2Cart.State();
        Assert.That((cart.QuantityOf("E2E-001"), cart.QuantityOf("E2E-001", "1")), Is.EqualTo(((decimal?)42, (decimal?)7)));
        Assert.That(cart.QuantityOf("E2E-002"), Is.Zero, "WH99 is not in the channel's Locations: declined, not written anywhere");
        Assert.That(cart.ProductBySku("NOT-IN-CART"), Is.Null);
        var delivery = deliveries[DeliveryWorld.Api2CartChannel];
        Assert.That(DeliveryWorld.StatusOf(delivery), Is.EqualTo("Delivered"), delivery.ToString());
        var updates = world.Api2Cart.WriteRequests.Where(r => r.Path == "product.update.json").ToList();
        Assert.That(updates, Has.Count.EqualTo(2), "one call per line the cart has");
        Assert.That(updates.Select(u => System.Text.Json.JsonDocument.Parse(u.Body!).RootElement.GetProperty("idempotency_key").GetString()).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Products_CreatedThenUpdated_Once()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Product("A-P1", T0, "NEW-100", "Trail shoe", 89.90m));
        await world.WaitForAsync("A-P1", "Delivered");
        await world.SubmitAsync(DeliveryWorld.Product("A-P2", T0.AddMinutes(1), "NEW-100", "Trail shoe, light", 79.50m, "draft"));
        await world.WaitForAsync("A-P2", "Delivered");

        var cart = world.Api2Cart.State();
        Assert.That(cart.Products.Count(p => p.Sku == "NEW-100"), Is.EqualTo(1), "updated, not created twice");
        var product = cart.ProductBySku("NEW-100")!;
        Assert.That((product.Name, product.Price, product.Status, product.AvailableForView, product.Weight, product.WeightUnit), Is.EqualTo(("Trail shoe, light", 79.50m, "disabled", false, (decimal?)1.25m, "kg")));
        Assert.That(world.Api2Cart.WriteRequests.Select(r => r.Path), Is.EqualTo(new[] { "product.add.json", "product.update.json" }));
    }

    [Test]
    public async Task Order_FetchedByTheErp_ThenItsShipmentReachesTheCartOnce()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Api2Cart.SeedOrder("7001", [("E2E-001", 2), ("E2E-002", 1)]);

        var order = (await world.FetchOrdersAsync((DeliveryWorld.Api2CartChannel, "7001"))).Single();
        XNamespace ord = "urn:erpbridge:orders:v1";
        Assert.That(order.Descendants(ord + "Sku").Select(s => s.Value), Is.EqualTo(new[] { "E2E-001", "E2E-002" }));
        Assert.That((string?)order.Element(ord + "Totals")!.Element(ord + "Total"), Is.EqualTo("35.00"), "3 items at 10.00 and 5.00 shipping");

        await world.SubmitAsync(Shipment("A-SH1", "7001", "90001"));
        await world.WaitForAsync("A-SH1", "Delivered");
        await world.SubmitAsync(Shipment("A-SH1-again", "7001", "90001"));
        await world.WaitForAsync("A-SH1-again", "Delivered");

        var shipments = world.Api2Cart.State().OrderByNumber("7001")!.Shipments;
        Assert.That(shipments, Has.Count.EqualTo(1), "the resend found the tracking number on the order and created nothing");
        Assert.That(shipments[0].TrackingNumbers, Is.EqualTo(new[] { ((string?)"dhl", "TRK-90001") }));
        Assert.That(shipments[0].Items.Values.Sum(), Is.EqualTo(3));
        Assert.That(world.Api2Cart.State().OrderByNumber("7001")!.Status, Is.EqualTo("Shipped"));
        Assert.That(world.Api2Cart.WriteRequests.Count(r => r.Path == "order.shipment.add.json"), Is.EqualTo(1), "the resend's call was not sent");
        Assert.That(world.Api2Cart.Requests.Count(r => r.Path == "order.shipment.list.json"), Is.EqualTo(2), "each delivery read the order's shipments first");
    }

    [Test]
    public async Task RefusedKeys_PauseTheChannel_AndReturnCode7IsRetried()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Api2Cart.FailNext(2, 7);

        await world.SubmitAsync(DeliveryWorld.Stock("A-R1", T0, ("E2E-003", 5)));
        var deliveries = await world.WaitForAsync("A-R1", "Delivered");

        var changes = deliveries[DeliveryWorld.Api2CartChannel].Descendants(St + "Change").Select(c => c.Element(St + "Status")!.Value).ToList();
        Assert.That(changes, Is.EqualTo(new[] { "Pending", "RetryScheduled", "RetryScheduled", "Delivered" }), "store request limit exceeded (7) is transient");
        Assert.That(world.Api2Cart.State().QuantityOf("E2E-003"), Is.EqualTo(5));

        world.Api2Cart.FailNext(1, 2);
        await world.SubmitAsync(DeliveryWorld.Stock("A-R2", T0.AddMinutes(1), ("E2E-004", 6)));
        await DeliveryWorld.EventuallyAsync(
            () => world.StatusAsync("A-R2").GetAwaiter().GetResult().TryGetValue(DeliveryWorld.Api2CartChannel, out var d) && d.ToString().Contains("authentication failed", StringComparison.Ordinal),
            "incorrect API key (2) refuses the credentials");
        Assert.That(world.Api2Cart.State().QuantityOf("E2E-004"), Is.Zero);
    }

    private static string Shipment(string messageId, string order, string shipmentId) =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-11-26T10:00:00Z</shp:SentAt><shp:SourceSystem>SAP-ECC</shp:SourceSystem><shp:Shipments><shp:Shipment><shp:Channel>{DeliveryWorld.Api2CartChannel}</shp:Channel><shp:OrderNumber>{order}</shp:OrderNumber><shp:ShipmentId>{shipmentId}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>TRK-{shipmentId}</shp:TrackingNumber><shp:ShippedAt>2026-11-26T09:30:00Z</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>E2E-001</shp:Sku><shp:Quantity>{2.ToString(CultureInfo.InvariantCulture)}</shp:Quantity></shp:Line><shp:Line><shp:Sku>E2E-002</shp:Sku><shp:Quantity>1</shp:Quantity></shp:Line></shp:Lines></shp:Shipment></shp:Shipments></shp:SubmitShipments>""";
}
