using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Connectors.ShipStation;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.ShipStation;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.ShipStation;

/// <summary>
/// The ShipStation connector against the sandbox over real HTTP, with plans the committed Orders map writes from
/// canonical orders: createorder is idempotent by orderKey, a cancellation updates the same order, refused credentials
/// pause, a 429 waits for the minute's reset, and the pacer keeps a burst under the limit.
/// </summary>
[TestFixture]
public sealed class ShipStationConnectorTests
{
    private const string ChannelName = "shipstation-test";
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";

    private ShipStationSandbox sandbox = null!;
    private IChannelConnector connector = null!;

    [SetUp]
    public async Task StartSandbox()
    {
        sandbox = await ShipStationSandbox.StartAsync(new ShipStationSandboxOptions { ApiKey = "key-1", ApiSecret = "secret-1" }, CancellationToken.None);
        connector = Connect("key-1", "secret-1");
    }

    [TearDown]
    public async Task StopSandbox()
    {
        await connector.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task Order_SentTwice_IsOneShipStationOrder_AndACancellationUpdatesIt()
    {
        var order = Order("bc-us", "214", "Open", "Paid");

        var first = await connector.ExecuteAsync(Plan(order), CancellationToken.None);
        var again = await connector.ExecuteAsync(Plan(order), CancellationToken.None);
        var cancelled = await connector.ExecuteAsync(Plan(Order("bc-us", "214", "Cancelled", "Voided")), CancellationToken.None);

        Assert.That(first, Is.TypeOf<DeliveryOutcome.Delivered>(), first.ToString());
        Assert.That(again, Is.TypeOf<DeliveryOutcome.Delivered>(), again.ToString());
        Assert.That(cancelled, Is.TypeOf<DeliveryOutcome.Delivered>(), cancelled.ToString());
        var state = sandbox.State();
        Assert.That(state.Orders, Has.Count.EqualTo(1));
        var stored = state.OrderByKey("bc-us:214")!;
        Assert.That((string?)stored["orderStatus"], Is.EqualTo("cancelled"));
        Assert.That((string?)stored["orderNumber"], Is.EqualTo("214"));
        Assert.That(((DeliveryOutcome.Delivered)first).PlatformIds["order:bc-us:214"], Is.EqualTo(stored["orderId"]!.ToJsonString()));
        Assert.That(sandbox.Requests.Select(r => $"{r.Method} {r.Path} {r.Status}"), Is.All.EqualTo("POST orders/createorder 200"));
    }

    [Test]
    public async Task Order_Body_CarriesWhatTheNotesRequire()
    {
        await connector.ExecuteAsync(Plan(Order("bc-us", "300", "Open", "Pending")), CancellationToken.None);

        using var body = JsonDocument.Parse(sandbox.Requests.Single().Body!);
        var root = body.RootElement;
        foreach (var field in new[] { "orderNumber", "orderKey", "orderDate", "orderStatus", "billTo", "shipTo", "items" })
        {
            Assert.That(root.TryGetProperty(field, out _), Is.True, field);
        }

        Assert.That(root.GetProperty("orderStatus").GetString(), Is.EqualTo("awaiting_payment"));
        Assert.That(root.GetProperty("amountPaid").GetDecimal(), Is.Zero);
        var item = root.GetProperty("items")[0];
        Assert.That(item.GetProperty("lineItemKey").GetString(), Is.EqualTo("1"));
        Assert.That(item.GetProperty("sku").GetString(), Is.EqualTo("SKU-1"));
        Assert.That(item.GetProperty("quantity").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task WrongSecret_IsRefusedCredentials_WithoutTheSecretInTheReason()
    {
        await using var wrong = Connect("key-1", "not-the-secret");

        var outcome = await wrong.ExecuteAsync(Plan(Order("bc-us", "1", "Open", "Paid")), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        var failure = (DeliveryOutcome.PermanentFailure)outcome;
        Assert.That(failure.CredentialsRefused, Is.True);
        Assert.That(failure.Reason, Does.Contain("401").And.Contain("API secret"));
        Assert.That(failure.Reason, Does.Not.Contain("not-the-secret"));
        Assert.That(sandbox.State().Orders, Is.Empty);
    }

    [Test]
    public async Task ServerError_IsTransient_WithShipStationsMessage()
    {
        sandbox.FailNext(1, 500);

        var outcome = await connector.ExecuteAsync(Plan(Order("bc-us", "1", "Open", "Paid")), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(outcome.ToString(), Does.Contain("An error has occurred"));
    }

    [Test]
    public async Task OverTheLimit_429_WaitsForTheMinutesReset()
    {
        sandbox.ConfigureRateLimit(true, quota: 1, window: TimeSpan.FromMinutes(1));
        await using var other = Connect("key-1", "secret-1");
        await other.ExecuteAsync(Plan(Order("bc-us", "1", "Open", "Paid")), CancellationToken.None);

        // A second connector (another process on the same key) knows nothing of the first one's use: it meets the 429.
        var outcome = await connector.ExecuteAsync(Plan(Order("bc-us", "2", "Open", "Paid")), CancellationToken.None);

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        var wait = ((DeliveryOutcome.TransientFailure)outcome).RetryAfter;
        Assert.That(wait, Is.Not.Null);
        Assert.That(wait!.Value, Is.GreaterThan(TimeSpan.FromSeconds(50)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(sandbox.RateLimitedCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Burst_IsHeldToTheWindow_AndMeetsNo429()
    {
        sandbox.ConfigureRateLimit(true, quota: 2, window: TimeSpan.FromSeconds(1));

        var outcomes = new List<DeliveryOutcome>();
        for (var i = 1; i <= 5; i++)
        {
            outcomes.Add(await connector.ExecuteAsync(Plan(Order("bc-us", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Open", "Paid")), CancellationToken.None));
        }

        Assert.That(outcomes, Is.All.TypeOf<DeliveryOutcome.Delivered>());
        Assert.That(sandbox.RateLimitedCount, Is.Zero);
        Assert.That(sandbox.State().Orders, Has.Count.EqualTo(5));
    }

    [Test]
    public void Channel_WithoutSecret_IsRefusedByTheFactory()
    {
        var options = new ChannelOptions { Platform = Platform.ShipStation, BaseUrl = sandbox.BaseAddress.ToString(), ConsumerKey = "key-1" };

        Assert.That(() => new ShipStationConnectorFactory().Create(ChannelName, options), Throws.ArgumentException.With.Message.Contains("ConsumerSecret"));
    }

    /// <summary>A canonical order of one line (SKU-1 × 2 at 10.00), as an order poll stores it.</summary>
    internal static XDocument Order(string channel, string platformOrderId, string status, string paymentStatus) => new(
        new XElement(Ord + "Order",
            new XElement(Ord + "Channel", channel),
            new XElement(Ord + "PlatformOrderId", platformOrderId),
            new XElement(Ord + "OrderNumber", platformOrderId),
            new XElement(Ord + "CreatedAt", "2026-12-01T10:00:00Z"),
            new XElement(Ord + "UpdatedAt", "2026-12-01T10:05:00Z"),
            new XElement(Ord + "Status", status),
            new XElement(Ord + "PaymentStatus", paymentStatus),
            new XElement(Ord + "Currency", "USD"),
            Address("BillingAddress"),
            Address("ShippingAddress"),
            new XElement(Ord + "Lines", new XElement(Ord + "Line",
                new XElement(Ord + "PlatformLineId", "1"),
                new XElement(Ord + "Sku", "SKU-1"),
                new XElement(Ord + "Title", "Desk"),
                new XElement(Ord + "Quantity", "2"),
                new XElement(Ord + "UnitPrice", "10.00"),
                new XElement(Ord + "Total", "20.00"))),
            new XElement(Ord + "Totals", new XElement(Ord + "Total", "20.00"))));

    private static XElement Address(string name) => new(
        Ord + name,
        new XElement(Ord + "FirstName", "Ada"),
        new XElement(Ord + "LastName", "Lovelace"),
        new XElement(Ord + "Line1", "1 Market St"),
        new XElement(Ord + "City", "Austin"),
        new XElement(Ord + "PostalCode", "78701"),
        new XElement(Ord + "CountryCode", "US"));

    private static RequestPlan Plan(XDocument order) =>
        RepositoryMaps.Plan("outbound/shipstation/Orders", order, ChannelName, "order:test");

    private IChannelConnector Connect(string key, string secret) =>
        new ShipStationConnectorFactory().Create(ChannelName, new ChannelOptions
        {
            Platform = Platform.ShipStation,
            BaseUrl = sandbox.BaseAddress.ToString(),
            ConsumerKey = key,
            ConsumerSecret = secret,
        });
}
