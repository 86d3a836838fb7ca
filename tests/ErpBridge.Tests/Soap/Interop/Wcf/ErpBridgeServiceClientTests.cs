using System.ServiceModel;
using System.Xml.Linq;
using ErpBridge.Tests.Soap.Interop.Wcf.Proxy;
using ErpBridge.Tests.Soap.Interop.Wcf.Security;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;
using static ErpBridge.Tests.Soap.Interop.Wcf.Proxy.ErpBridgeServicePortTypeClient;

namespace ErpBridge.Tests.Soap.Interop.Wcf;

/// <summary>
/// The WSDL-shaped WCF client against the real host, over SOAP 1.1 (BasicHttpBinding) and SOAP 1.2 (CustomBinding,
/// no WS-Addressing): receipts, duplicates, status and typed faults as an integration team's .NET client sees them.
/// </summary>
[TestFixture(SoapVersionUnderTest.Soap11)]
[TestFixture(SoapVersionUnderTest.Soap12)]
[Parallelizable(ParallelScope.None)]
public sealed class ErpBridgeServiceClientTests(SoapVersionUnderTest version)
{
    private static readonly string[] RoutedChannels = Support.DemoChannels.Routed;
    private readonly List<ErpBridgeServicePortTypeClient> clients = [];
    private BridgeFixture bridge = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        bridge = await BridgeFixture.StartAsync();
        await StoredOrders.AddShippedOrderAsync(bridge);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await bridge.DisposeAsync();

    [TearDown]
    public async Task CloseClientsAsync()
    {
        foreach (var client in clients)
        {
            if (client.State == CommunicationState.Faulted)
            {
                client.Abort();
            }
            else
            {
                await client.CloseAsync();
            }
        }

        clients.Clear();
    }

    [Test]
    public async Task SubmitInventory_NewMessage_AcceptedForRoutedChannels()
    {
        var id = ProxyRequests.NewId();
        var receipt = (await Client().SubmitInventoryAsync(ProxyRequests.Inventory(id))).Receipt;

        Assert.That(receipt.MessageId, Is.EqualTo(id));
        Assert.That(receipt.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(receipt.Channels, Is.EqualTo(RoutedChannels));
        Assert.That(receipt.ReceivedAt.ToUniversalTime(), Is.EqualTo(TimeProvider.System.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMinutes(1)));
        var stored = await StoredPayloadAsync(id);
        Assert.That(stored.Descendants(stored.Name.Namespace + "Sku").Select(e => e.Value), Is.EqualTo(new[] { "MAT-1001", "MAT-1002" }));
        Assert.That(stored.Descendants(stored.Name.Namespace + "Quantity").Select(e => e.Value), Is.EqualTo(new[] { "10", "20" }));
    }

    [Test]
    public async Task SubmitInventory_SameMessageAgain_DuplicateWithFirstReceipt()
    {
        var client = Client();
        var request = ProxyRequests.Inventory(ProxyRequests.NewId());
        var first = (await client.SubmitInventoryAsync(request)).Receipt;
        var again = (await client.SubmitInventoryAsync(request)).Receipt;

        Assert.That(first.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(again.Status, Is.EqualTo(ReceiptStatus.Duplicate));
        Assert.That(again.ReceivedAt, Is.EqualTo(first.ReceivedAt));
        Assert.That(again.Channels, Is.EqualTo(RoutedChannels));
    }

    [Test]
    public async Task SubmitInventory_SameIdOtherContent_MessageIdConflictFault()
    {
        var client = Client();
        var id = ProxyRequests.NewId();
        await client.SubmitInventoryAsync(ProxyRequests.Inventory(id, items: 2));

        var fault = await SenderFaultAsync(() => client.SubmitInventoryAsync(ProxyRequests.Inventory(id, items: 3)), "MessageIdConflict");
        Assert.That(fault.Detail.Reason, Does.Contain(id));
    }

    [TestCase(BridgeFixture.DemoUser, "wrong-password")]
    [TestCase("nobody", BridgeFixture.DemoPassword)]
    public async Task SubmitInventory_WrongCredentials_AuthenticationFailedFault(string user, string password)
    {
        var id = ProxyRequests.NewId();
        var fault = await SenderFaultAsync(() => Client(user, password).SubmitInventoryAsync(ProxyRequests.Inventory(id)), "AuthenticationFailed");

        Assert.That(fault.Detail.Reason, Is.EqualTo("Authentication failed."));
        await SenderFaultAsync(() => Client().GetMessageStatusAsync(new GetMessageStatusRequest(id)), "MessageNotFound");
    }

    [Test]
    public async Task SubmitProducts_NewMessage_AcceptedWithOptionalElements()
    {
        var id = ProxyRequests.NewId();
        var receipt = (await Client().SubmitProductsAsync(ProxyRequests.Products(id))).Receipt;

        Assert.That(receipt.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(receipt.Channels, Is.EqualTo(RoutedChannels));
        var stored = await StoredPayloadAsync(id);
        var ns = stored.Name.Namespace;
        var weight = stored.Descendants(ns + "Weight").Single();
        Assert.That((string?)weight.Attribute("unit"), Is.EqualTo("g"));
        Assert.That(weight.Value, Is.EqualTo("12.5"));
        Assert.That(stored.Descendants(ns + "Title").Select(e => e.Value), Is.EqualTo(new[] { "Steel bolt M8 & nut", "Washer" }));
        Assert.That(stored.Descendants(ns + "Status").Select(e => e.Value), Is.EqualTo(new[] { "active", "draft" }));
        Assert.That(stored.Descendants(ns + "Attribute").Single().Element(ns + "Name")?.Value, Is.EqualTo("Material"));
    }

    [Test]
    public async Task SubmitProducts_SameMessageAgain_Duplicate()
    {
        var client = Client();
        var request = ProxyRequests.Products(ProxyRequests.NewId());
        var first = (await client.SubmitProductsAsync(request)).Receipt;
        var again = (await client.SubmitProductsAsync(request)).Receipt;

        Assert.That(first.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(again.Status, Is.EqualTo(ReceiptStatus.Duplicate));
        Assert.That(again.ReceivedAt, Is.EqualTo(first.ReceivedAt));
    }

    [Test]
    public async Task SubmitShipments_NamedChannel_AcceptedForThatChannelOnly()
    {
        var id = ProxyRequests.NewId();
        var receipt = (await Client().SubmitShipmentsAsync(ProxyRequests.Shipments(id, "bigcommerce-demo"))).Receipt;

        Assert.That(receipt.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(receipt.Channels, Is.EqualTo(new[] { "bigcommerce-demo" }));
        var stored = await StoredPayloadAsync(id);
        Assert.That(stored.Descendants(stored.Name.Namespace + "TrackingUrl").Single().Value, Is.EqualTo("https://www.dhl.com/track?id=JJD000390007711"));
        Assert.That(stored.Descendants(stored.Name.Namespace + "ShippedAt").Single().Value, Is.EqualTo("2026-11-26T09:30:00Z"));
    }

    [Test]
    public async Task SubmitShipments_SameMessageAgain_Duplicate()
    {
        var client = Client();
        var request = ProxyRequests.Shipments(ProxyRequests.NewId());
        var first = (await client.SubmitShipmentsAsync(request)).Receipt;
        var again = (await client.SubmitShipmentsAsync(request)).Receipt;

        Assert.That(first.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(again.Status, Is.EqualTo(ReceiptStatus.Duplicate));
        Assert.That(again.Channels, Is.EqualTo(new[] { "shopify-demo" }));
    }

    [Test]
    public async Task SubmitShipments_UnknownChannel_UnknownChannelFault()
    {
        var fault = await SenderFaultAsync(() => Client().SubmitShipmentsAsync(ProxyRequests.Shipments(ProxyRequests.NewId(), "no-such-store")), "UnknownChannel");
        Assert.That(fault.Detail.Reason, Does.Contain("no-such-store"));
    }

    [Test]
    public async Task SubmitDocument_ConfiguredType_AcceptedWithPayloadAsSent()
    {
        var id = ProxyRequests.NewId();
        var receipt = (await Client().SubmitDocumentAsync(ProxyRequests.Document(id))).Receipt;

        Assert.That(receipt.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(receipt.Channels, Is.EqualTo(RoutedChannels));
        var stored = await StoredPayloadAsync(id);
        var payload = stored.Element(stored.Name.Namespace + "Payload");
        Assert.That(payload?.Elements().Single().Name, Is.EqualTo(XName.Get("MATMAS05")));
        Assert.That(payload!.Descendants("MATNR").Single().Value, Is.EqualTo("MAT-3001"));
    }

    [Test]
    public async Task SubmitDocument_SameMessageAgain_Duplicate()
    {
        var client = Client();
        var request = ProxyRequests.Document(ProxyRequests.NewId());
        var first = (await client.SubmitDocumentAsync(request)).Receipt;
        var again = (await client.SubmitDocumentAsync(request)).Receipt;

        Assert.That(first.Status, Is.EqualTo(ReceiptStatus.Accepted));
        Assert.That(again.Status, Is.EqualTo(ReceiptStatus.Duplicate));
    }

    [Test]
    public async Task SubmitDocument_UnknownType_UnknownDocumentTypeFault()
    {
        var fault = await SenderFaultAsync(() => Client().SubmitDocumentAsync(ProxyRequests.Document(ProxyRequests.NewId(), "ORDERS05")), "UnknownDocumentType");
        Assert.That(fault.Detail.Reason, Does.Contain("ORDERS05").And.Contain("MATMAS05"));
    }

    [Test]
    public async Task GetMessageStatus_AcceptedMessage_PendingDeliveryPerChannel()
    {
        var client = Client();
        var id = ProxyRequests.NewId();
        var receipt = (await client.SubmitInventoryAsync(ProxyRequests.Inventory(id))).Receipt;
        var status = await client.GetMessageStatusAsync(new GetMessageStatusRequest(id));

        Assert.That(status.MessageId, Is.EqualTo(id));
        Assert.That(status.MessageType, Is.EqualTo("Inventory"));
        Assert.That(status.ReceivedAt, Is.EqualTo(receipt.ReceivedAt));
        Assert.That(status.Deliveries.Select(d => d.Channel), Is.EqualTo(RoutedChannels));
        Assert.That(status.Deliveries.Select(d => d.Status), Is.All.EqualTo(DeliveryStatus.Pending));
        Assert.That(status.Deliveries.Select(d => d.Attempts), Is.All.Zero);
        Assert.That(status.Deliveries.Select(d => d.LastAttemptAtSpecified), Is.All.False);
    }

    [Test]
    public async Task GetMessageStatus_UnknownId_MessageNotFoundFault()
    {
        var fault = await SenderFaultAsync(() => Client().GetMessageStatusAsync(new GetMessageStatusRequest("never-sent")), "MessageNotFound");
        Assert.That(fault.Detail.Reason, Does.Contain("never-sent"));
    }

    /// <summary>A client for this fixture's SOAP version, sending a UsernameToken, used through its contract; closed after the test.</summary>
    private ErpBridgeServicePortType Client(string user = BridgeFixture.DemoUser, string password = BridgeFixture.DemoPassword)
    {
        var configuration = version == SoapVersionUnderTest.Soap11 ? EndpointConfiguration.ErpBridgeServiceSoap11 : EndpointConfiguration.ErpBridgeServiceSoap12;
        var client = new ErpBridgeServicePortTypeClient(configuration, new EndpointAddress(bridge.ServiceAddress));
        client.Endpoint.EndpointBehaviors.Add(new UsernameTokenBehavior(user, password));
        clients.Add(client);
        return client;
    }

    /// <summary>
    /// The call fails with the typed fault: the given code, a sender (client) fault, and a correlation id.
    /// WCF's HTTP transport reads a response body only for 2xx and 500 (a 400 becomes ProtocolException
    /// "(400) Bad Request"), which is why the bridge answers SOAP 1.2 sender faults with 500 too.
    /// </summary>
    private static async Task<FaultException<ErpBridgeFault>> SenderFaultAsync(Func<Task> call, string code)
    {
        var fault = await Assert.ThrowsAsync<FaultException<ErpBridgeFault>>(call);
        Assert.That(fault, Is.Not.Null);
        Assert.That(fault!.Detail.Code, Is.EqualTo(code));
        Assert.That(fault.Code.IsSenderFault, Is.True);
        Assert.That(fault.Reason.ToString(), Is.EqualTo(fault.Detail.Reason));
        Assert.That(fault.Detail.CorrelationId, Is.Not.Empty);
        return fault;
    }

    /// <summary>The canonical request the bridge stored: what it read from the client's message.</summary>
    private async Task<XElement> StoredPayloadAsync(string messageId)
    {
        await using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT payload FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", messageId);
        var payload = (string?)await command.ExecuteScalarAsync();
        Assert.That(payload, Is.Not.Null, $"message {messageId} was not stored");
        return XElement.Parse(payload!);
    }
}
