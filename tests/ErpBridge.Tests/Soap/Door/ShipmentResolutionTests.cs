using System.Xml.Linq;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Soap.Door;

/// <summary>
/// Issue 15, requirement 3 (intake): a shipment finds its store through the order the bridge fetched with its order
/// number. Channel is optional; a given one must agree with the stored order; an order number no store's order
/// carries, or that orders of two channels carry, is refused at intake with nothing stored.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class ShipmentResolutionTests
{
    private static readonly XNamespace Shp = "urn:erpbridge:shipments:v1";
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        bridge = await BridgeFixture.StartAsync();
        client = new SoapClient(bridge.ServiceAddress);

        // As the order poller stores them: 5002 is a number two stores gave to orders of their own.
        await StoredOrders.AddAsync(bridge, "shopify-demo", "5001");
        await StoredOrders.AddAsync(bridge, "shopify-demo", "5002");
        await StoredOrders.AddAsync(bridge, "bigcommerce-demo", "5002");
        await StoredOrders.AddAsync(bridge, "magento-demo", "000005003");
        await StoredOrders.AddAsync(bridge, "woocommerce-demo", "1001");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
    }

    [TestCase("5001")]
    [TestCase("#5001")]
    public async Task NoChannel_KnownOrder_GoesToTheOrdersChannel(string orderNumber)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, (null, orderNumber))));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(ReceiptChannels(response), Is.EqualTo(new[] { "shopify-demo" }));
        Assert.That(await StoredChannelsAsync(id), Is.EqualTo(new[] { "shopify-demo" }), "the stored shipment names its channel, for the channel's map");
    }

    [Test]
    public async Task NoChannel_OrderNeverFetched_UnknownOrder_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, (null, "9999"))));

        Assert.That(response.FaultCode, Is.EqualTo("UnknownOrder"), response.Body);
        Assert.That(response.SoapFaultCode, Is.EqualTo("s:Client"));
        Assert.That(response.FaultReason, Does.Contain("'9999'").And.Contain("SH-1"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task NoChannel_OrderNumberOfTwoChannels_AmbiguousOrder_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, (null, "5002"))));

        Assert.That(response.FaultCode, Is.EqualTo("AmbiguousOrder"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("'5002'").And.Contain("bigcommerce-demo").And.Contain("shopify-demo"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task ChannelGiven_OrderOfAnotherChannel_ChannelMismatch_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, ("bigcommerce-demo", "5001"))));

        Assert.That(response.FaultCode, Is.EqualTo("ChannelMismatch"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("bigcommerce-demo").And.Contain("'5001'").And.Contain("shopify-demo"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task ChannelGiven_OrderNumberOfTwoChannels_TheNamedOne()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, ("BIGCOMMERCE-DEMO", "5002"))));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(ReceiptChannels(response), Is.EqualTo(new[] { "bigcommerce-demo" }));
        Assert.That(await StoredChannelsAsync(id), Is.EqualTo(new[] { "bigcommerce-demo" }), "spelt as configured, so that the channel's map finds it");
    }

    [Test]
    public async Task ChannelGiven_OrderTheBridgeNeverFetched_UnknownOrder_AndNothingStored()
    {
        // Naming the channel does not stand in for the order: one the bridge never fetched is refused at intake, where
        // the ERP sees it, not later on the store.
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, ("shopify-demo", "7777"))));

        Assert.That(response.FaultCode, Is.EqualTo("UnknownOrder"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("'7777'").And.Contain("accepted only for an order the bridge has fetched"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task ShipmentsOfOrdersOfTwoChannels_EachGoesToItsOwn()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, (null, "5001"), (null, "000005003"), ("shopify-demo", "5001"))));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(ReceiptChannels(response), Is.EqualTo(new[] { "shopify-demo", "magento-demo" }));
        Assert.That(await StoredChannelsAsync(id), Is.EqualTo(new[] { "shopify-demo", "magento-demo", "shopify-demo" }));
    }

    [Test]
    public async Task OneShipmentOfSeveralUnresolved_TheWholeMessageRefused()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Shipments(id, (null, "5001"), (null, "424242"))));

        Assert.That(response.FaultCode, Is.EqualTo("UnknownOrder"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("SH-2").And.Contain("'424242'"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task Delvry07WithoutChannel_GoesToTheChannelOfItsOrder()
    {
        // The delivery for purchase order #1001 names no web channel (no ZWEB header text), as SAP sends it.
        var id = Envelopes.NewId();
        var document = MapAtTheDoorTests.Document(id, "DELVRY07", MapAtTheDoorTests.Case("DELVRY07", "no-channel-left-to-the-order"));
        var response = await client.PostAsync(Envelopes.Wrap(document));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(ReceiptChannels(response), Is.EqualTo(new[] { "woocommerce-demo" }));
        var canonical = XDocument.Parse((await CanonicalAsync(id))!);
        Assert.That(canonical.Descendants(Shp + "Channel").Select(c => c.Value), Is.EqualTo(new[] { "woocommerce-demo" }));
    }

    [Test]
    public async Task Delvry07ForAnOrderNeverFetched_UnknownOrder_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var payload = MapAtTheDoorTests.Case("DELVRY07", "no-channel-left-to-the-order").Replace("#1001", "#4711", StringComparison.Ordinal);
        Assert.That(payload, Does.Contain("#4711"), "the test must change the order number");
        var response = await client.PostAsync(Envelopes.Wrap(MapAtTheDoorTests.Document(id, "DELVRY07", payload)));

        Assert.That(response.FaultCode, Is.EqualTo("UnknownOrder"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("'#4711'").And.Contain("80012345"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    private static string Shipments(string messageId, params (string? Channel, string Order)[] shipments) =>
        $"""<shp:SubmitShipments xmlns:shp="urn:erpbridge:shipments:v1"><shp:MessageId>{messageId}</shp:MessageId><shp:SentAt>2026-11-26T10:00:00Z</shp:SentAt><shp:SourceSystem>SAP-ECC</shp:SourceSystem><shp:Shipments>{string.Concat(shipments.Select((s, i) => $"<shp:Shipment>{(s.Channel is null ? "" : $"<shp:Channel>{s.Channel}</shp:Channel>")}<shp:OrderNumber>{s.Order}</shp:OrderNumber><shp:ShipmentId>SH-{i + 1}</shp:ShipmentId><shp:Carrier>DHL</shp:Carrier><shp:TrackingNumber>TRK-{i + 1}</shp:TrackingNumber><shp:ShippedAt>2026-11-26T09:30:00Z</shp:ShippedAt><shp:Lines><shp:Line><shp:Sku>MAT-2001</shp:Sku><shp:Quantity>1</shp:Quantity></shp:Line></shp:Lines></shp:Shipment>"))}</shp:Shipments></shp:SubmitShipments>""";

    private static List<string> ReceiptChannels(SoapResponse response) =>
        response.Receipt!.Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value).ToList();

    private async Task<List<string>> StoredChannelsAsync(string id)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT payload FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        var payload = XDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        return payload.Descendants(Shp + "Shipment").Select(s => (string?)s.Element(Shp + "Channel") ?? "(none)").ToList();
    }

    private async Task<string?> CanonicalAsync(string id)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT canonical FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<long> StoredAsync(string id)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT COUNT(*) FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }
}
