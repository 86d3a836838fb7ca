using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Core.Orders;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Orders;

/// <summary>FetchOrders and AcknowledgeOrders over SOAP against the real host, with the bodies checked against the XSDs.</summary>
public sealed class FetchAcknowledgeSoapTests
{
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;
    private XmlSchemaSet schemas = null!;

    [SetUp]
    public async Task StartAsync()
    {
        bridge = await BridgeFixture.StartAsync();
        client = new SoapClient(bridge.ServiceAddress);
        schemas = CanonicalSchemas.Folder(Path.Combine(AppContext.BaseDirectory, "wsdl"));
    }

    [TearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
    }

    [Test]
    public async Task Fetch_ReturnsStoredOrdersOldestFirst_WithTheCanonicalOrder_AndValidBodies()
    {
        await StoreAsync(("shopify-demo", "5001", "1001"), ("magento-demo", "7", "000000007"));

        var request = Envelopes.Wrap(Fetch(10));
        var response = await client.PostAsync(request);

        Assert.That(response.Fault, Is.Null, response.Body);
        var pending = response.Xml.Descendants(Ord + "PendingOrder").ToList();
        Assert.That(pending.Select(p => (string?)p.Element(Ord + "OrderId")), Is.EqualTo(new[] { "shopify-demo:5001", "magento-demo:7" }));
        Assert.That(pending.Select(p => (string?)p.Element(Ord + "ChangeType")), Is.All.EqualTo("New"));
        Assert.That((string?)pending[0].Element(Ord + "Order")!.Element(Ord + "OrderNumber"), Is.EqualTo("1001"));
        Assert.That(Validate(Body(XDocument.Parse(request))), Is.Empty);
        Assert.That(Validate(Body(response.Xml)), Is.Empty, response.Body);
    }

    [Test]
    public async Task FetchByChannel_AndMaxOrders_AreHonoured()
    {
        await StoreAsync(("shopify-demo", "1", "1001"), ("shopify-demo", "2", "1002"), ("magento-demo", "3", "000000003"));

        var one = await client.PostAsync(Envelopes.Wrap(Fetch(1, "SHOPIFY-DEMO")));
        var rest = await client.PostAsync(Envelopes.Wrap(Fetch(10, "shopify-demo")));

        Assert.That(OrderIds(one), Is.EqualTo(new[] { "shopify-demo:1" }));
        Assert.That(OrderIds(rest), Is.EqualTo(new[] { "shopify-demo:2" }));
    }

    [Test]
    public async Task Acknowledge_MarksTaken_TwiceIsHarmless_UnknownIsReportedPerId()
    {
        await StoreAsync(("shopify-demo", "5001", "1001"));
        await client.PostAsync(Envelopes.Wrap(Fetch(10)));

        var first = await client.PostAsync(Envelopes.Wrap(Acknowledge(("shopify-demo:5001", "4500000001"), ("shopify-demo:404", "4500000002"))));
        var second = await client.PostAsync(Envelopes.Wrap(Acknowledge(("shopify-demo:5001", "4500000001"))));
        var nothingLeft = await client.PostAsync(Envelopes.Wrap(Fetch(10)));

        Assert.That(Statuses(first), Is.EqualTo(new[] { "Acknowledged", "Unknown" }), first.Body);
        Assert.That(Statuses(second), Is.EqualTo(new[] { "AlreadyAcknowledged" }));
        Assert.That(OrderIds(nothingLeft), Is.Empty);
        Assert.That(Validate(Body(first.Xml)), Is.Empty, first.Body);
    }

    [Test]
    public async Task FetchedNotAcknowledged_IsOfferedAgainAfterTheVisibilityTimeout()
    {
        await bridge.DisposeAsync();
        bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:VisibilityTimeout"] = "00:00:01" });
        client.Dispose();
        client = new SoapClient(bridge.ServiceAddress);
        await StoreAsync(("shopify-demo", "5001", "1001"));

        var first = await client.PostAsync(Envelopes.Wrap(Fetch(10)));
        var hidden = await client.PostAsync(Envelopes.Wrap(Fetch(10)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await client.PostAsync(Envelopes.Wrap(Fetch(10)));

        Assert.That(OrderIds(first), Is.EqualTo(new[] { "shopify-demo:5001" }));
        Assert.That(OrderIds(hidden), Is.Empty);
        Assert.That(OrderIds(again), Is.EqualTo(new[] { "shopify-demo:5001" }));
    }

    [Test]
    public async Task Fetch_UnknownChannel_IsAClientFault()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Fetch(10, "no-such-shop")));

        Assert.That(response.FaultCode, Is.EqualTo("UnknownChannel"));
        Assert.That(response.FaultReason, Does.Contain("no-such-shop"));
    }

    [Test]
    public async Task Fetch_MaxOrdersOutOfRange_IsASchemaViolation()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Fetch(0)));

        Assert.That(response.FaultCode, Is.EqualTo("SchemaViolation"));
        Assert.That(response.FaultReason, Does.Contain("MaxOrders"));
    }

    [Test]
    public async Task Fetch_WithoutCredentials_IsRefused()
    {
        await StoreAsync(("shopify-demo", "5001", "1001"));

        var response = await client.PostAsync(Envelopes.Wrap(Fetch(10), header: ""));

        Assert.That(response.FaultCode, Is.EqualTo("AuthenticationFailed"));
        Assert.That(response.Body, Does.Not.Contain("5001"));
    }

    private async Task StoreAsync(params (string Channel, string Id, string Number)[] orders)
    {
        var store = bridge.App.Services.GetRequiredService<IOrderStore>();
        var at = TimeProvider.System.GetUtcNow();
        foreach (var (channel, id, number) in orders)
        {
            var xml = CanonicalOrderSamples.Order(channel, id, number);
            await store.UpsertAsync([new OrderRevision(channel, id, number, at, false, xml, id)], OrderHandover.Pull, at, default);
            at = at.AddMilliseconds(10);
        }
    }

    private static string Fetch(int max, string? channel = null) =>
        $"""<ord:FetchOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:MaxOrders>{max}</ord:MaxOrders>{(channel is null ? "" : $"<ord:Channel>{channel}</ord:Channel>")}</ord:FetchOrders>""";

    private static string Acknowledge(params (string OrderId, string Document)[] acks) =>
        $"""<ord:AcknowledgeOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:Acknowledgements>{string.Concat(acks.Select(a => $"<ord:Acknowledgement><ord:OrderId>{a.OrderId}</ord:OrderId><ord:ErpDocumentNumber>{a.Document}</ord:ErpDocumentNumber></ord:Acknowledgement>"))}</ord:Acknowledgements></ord:AcknowledgeOrders>""";

    private static List<string?> OrderIds(SoapResponse response) =>
        response.Xml.Descendants(Ord + "PendingOrder").Select(p => (string?)p.Element(Ord + "OrderId")).ToList();

    private static List<string?> Statuses(SoapResponse response) =>
        response.Xml.Descendants(Ord + "Result").Select(p => (string?)p.Element(Ord + "Status")).ToList();

    private static XElement Body(XDocument envelope) => envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();

    private List<string> Validate(XElement element)
    {
        var errors = new List<string>();
        new XDocument(element).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
