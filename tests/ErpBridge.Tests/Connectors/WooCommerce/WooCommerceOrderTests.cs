using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Orders;
using ErpBridge.Sandboxes.WooCommerce;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>
/// The connector reads orders from the sandbox over HTTP (changed-since filter, pages, failures), a real sandbox
/// order maps to a valid ord:Order, and every orders request and response matches the published wc/v3 contract.
/// </summary>
[TestFixture]
public sealed class WooCommerceOrderTests
{
    private const string ChannelName = "woo-test";
    private static readonly DateTimeOffset Base = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private WooCommerceTestStore store = null!;
    private WooCommerceConnector connector = null!;

    [SetUp]
    public async Task StartStore()
    {
        store = await WooCommerceTestStore.StartAsync();
        store.Sandbox.Seed(["SKU-1", "SKU-2"]);
        connector = (WooCommerceConnector)new WooCommerceConnectorFactory().Create(ChannelName, store.Channel());
    }

    [TearDown]
    public async Task StopStore()
    {
        await connector.DisposeAsync();
        await store.DisposeAsync();
    }

    [Test]
    public async Task ChangedSince_ReturnsOrdersUpdatedAtOrAfterIt_AndNotOlderOnes()
    {
        var old = Seed(Base, Base.AddMinutes(1));
        var updated = Seed(Base, Base.AddMinutes(2));
        var boundary = Seed(Base, Base.AddHours(1));
        var since = Base.AddHours(1);
        store.Sandbox.UpdateOrder(updated.Id, "completed");

        var page = await ReadPage(new OrderQuery(since, null, 50));

        Assert.That(page.Orders.Select(o => o.PlatformOrderId), Is.EqualTo(new[] { boundary.Number, updated.Number }));
        Assert.That(page.Orders.Select(o => o.PlatformOrderId), Does.Not.Contain(old.Number));
        Assert.That(page.Orders[0].UpdatedAt, Is.EqualTo(since));
        Assert.That(page.Orders[1].UpdatedAt, Is.GreaterThan(since));
        Assert.That(page.NextPageToken, Is.Null);
        var request = store.Sandbox.Requests.Single();
        Assert.That(request.Path, Is.EqualTo("orders"));
        Assert.That(request.Query, Is.EqualTo("?modified_after=2026-11-20T08:59:59&dates_are_gmt=true&orderby=modified&order=asc&per_page=50&page=1"));
    }

    [Test]
    public async Task TwelveOrders_PageSizeFive_ThreePages_EachOrderOnce_OldestChangeFirst()
    {
        var minutes = new[] { 7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 4, 6 };
        var seeded = minutes.Select(m => Seed(Base, Base.AddMinutes(m))).ToList();

        var pages = new List<OrderPage>();
        string? token = null;
        do
        {
            var page = await ReadPage(new OrderQuery(Base, token, 5));
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.That(pages.Select(p => p.Orders.Count), Is.EqualTo(new[] { 5, 5, 2 }));
        Assert.That(pages.Select(p => p.NextPageToken), Is.EqualTo(new[] { "2", "3", null }));
        var all = pages.SelectMany(p => p.Orders).ToList();
        Assert.That(all.Select(o => o.PlatformOrderId), Is.EquivalentTo(seeded.Select(o => o.Number)));
        Assert.That(all.Select(o => o.UpdatedAt), Is.Ordered.Ascending);
        Assert.That(all.Select(o => o.UpdatedAt), Is.EqualTo(Enumerable.Range(0, 12).Select(m => Base.AddMinutes(m))));
    }

    [Test]
    public async Task PageSizeAboveTheLimit_IsCappedAtOneHundred()
    {
        Seed(Base, Base);

        await ReadPage(new OrderQuery(Base, null, 500));

        Assert.That(store.Sandbox.Requests.Single().Query, Does.Contain("per_page=100&"));
    }

    [Test]
    public async Task EachOrder_IsTheCompleteOrderObject_WithLinesAddressesAndTotals()
    {
        var order = store.Sandbox.SeedOrder([("SKU-1", 2), ("SKU-2", 1)], new WooOrderDraft { CreatedAt = Base, Coupon = ("TEN", 10m) });

        var read = (await ReadPage(new OrderQuery(Base, null, 10))).Orders.Single();

        Assert.That(read.PlatformOrderId, Is.EqualTo(order.Number));
        Assert.That(read.OrderNumber, Is.EqualTo(order.Number));
        using var json = JsonDocument.Parse(read.Json);
        var root = json.RootElement;
        Assert.That(root.GetProperty("line_items").EnumerateArray().Select(l => (l.GetProperty("id").GetInt32(), l.GetProperty("sku").GetString())),
            Is.EqualTo(order.Lines.Select(l => (l.Id, l.Sku))));
        Assert.That(root.GetProperty("billing").GetProperty("email").GetString(), Is.EqualTo(order.Billing.Email));
        Assert.That(root.GetProperty("shipping").GetProperty("city").GetString(), Is.EqualTo(order.Shipping.City));
        Assert.That(root.GetProperty("shipping_lines").GetArrayLength(), Is.EqualTo(1));
        Assert.That(root.GetProperty("coupon_lines")[0].GetProperty("code").GetString(), Is.EqualTo("TEN"));
        Assert.That(root.GetProperty("total").GetString(), Is.EqualTo(order.Total.ToString("0.00", CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task WrongCredentials_ArePermanent()
    {
        await using var wrong = new WooCommerceConnectorFactory().Create(ChannelName, store.Channel(secret: "cs_wrong"));

        var result = await ((IOrderSource)wrong).ReadOrdersAsync(new OrderQuery(Base, null, 10), CancellationToken.None);

        Assert.That(result.Page, Is.Null);
        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Failure!).Reason, Does.Contain("authentication failed").And.Contain("signature"));
    }

    [TestCase(429, 20)]
    [TestCase(503, 45)]
    public async Task RateLimitedOrUnavailable_IsTransient_WithRetryAfter(int status, int seconds)
    {
        store.Sandbox.FailNext(1, status, TimeSpan.FromSeconds(seconds));

        var result = await connector.ReadOrdersAsync(new OrderQuery(Base, null, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Failure!).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public async Task ServerError_IsTransient()
    {
        store.Sandbox.FailNext(1, 500);

        var result = await connector.ReadOrdersAsync(new OrderQuery(Base, null, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Failure!).Reason, Does.Contain("500"));
    }

    [Test]
    public async Task PageTokenThatIsNotAPageNumber_IsPermanent_WithoutARequest()
    {
        var result = await connector.ReadOrdersAsync(new OrderQuery(Base, "abc", 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task SandboxOrders_MapToOrdersThatValidateAgainstOrdersXsd()
    {
        await using var demo = await WooCommerceTestStore.StartAsync(o => o.DemoOrders = true);
        demo.Sandbox.Seed(["SKU-1", "SKU-2", "SKU-3"]);
        demo.Sandbox.SeedOrder([new WooOrderLineSeed("SKU-1", 1, 119m)], new WooOrderDraft { PricesIncludeTax = true, Status = "refunded" });
        await using var demoConnector = new WooCommerceConnectorFactory().Create(ChannelName, demo.Channel());
        var page = (await ((IOrderSource)demoConnector).ReadOrdersAsync(new OrderQuery(Base.AddYears(-1), null, 100), CancellationToken.None)).Page!;
        using var engine = RepositoryMaps.Open();

        Assert.That(page.Orders, Has.Count.EqualTo(5));
        var statuses = new List<string>();
        foreach (var order in page.Orders)
        {
            var mapped = OrderMap.Render(engine, "woocommerce", ChannelName, order.Json);
            var errors = new List<string>();
            mapped.Validate(CanonicalSchemas.Orders, (_, e) => errors.Add(e.Message));
            Assert.That(errors, Is.Empty, order.Json);
            var root = mapped.Root!;
            Assert.That(root.Name, Is.EqualTo(OrderMap.OrderElement));
            Assert.That(root.Element(XName.Get("OrderNumber", OrderMap.Namespace))!.Value, Is.EqualTo(order.OrderNumber));
            Assert.That(DateTimeOffset.Parse(root.Element(XName.Get("UpdatedAt", OrderMap.Namespace))!.Value, CultureInfo.InvariantCulture), Is.EqualTo(order.UpdatedAt));
            statuses.Add(root.Element(XName.Get("Status", OrderMap.Namespace))!.Value + "/" + root.Element(XName.Get("PaymentStatus", OrderMap.Namespace))!.Value);
        }

        Assert.That(statuses, Is.EquivalentTo(new[] { "Open/Paid", "Open/Paid", "Open/Pending", "Cancelled/Voided", "Refunded/Refunded" }));
    }

    [Test]
    public async Task OrdersRequestsAndResponses_MatchTheContract()
    {
        WooCommerceContract.Validate("GET", "orders", null);
        foreach (var minute in Enumerable.Range(0, 3))
        {
            Seed(Base, Base.AddMinutes(minute));
        }

        store.Sandbox.SeedOrder([("SKU-1", 1)], new WooOrderDraft { Status = "cancelled", CreatedAt = Base });
        string? token = null;
        do
        {
            token = (await ReadPage(new OrderQuery(Base, token, 2))).NextPageToken;
        }
        while (token is not null);

        var requests = store.Sandbox.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        foreach (var request in requests)
        {
            Assert.That(WooCommerceContract.Validate(request.Method, request.Path + request.Query, request.Body), Is.Empty, request.Query);
            var response = await store.SendAsync(HttpMethod.Get, request.Path, query: Query(request.Query));
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(WooCommerceContract.ValidateResponse("GET", request.Path, 200, WooCommerceContractGaps.AsContractReadsOrders(response.Body)), Is.Empty);
        }

        var single = await store.SendAsync(HttpMethod.Get, $"orders/{store.Sandbox.State().Orders[0].Id}");
        Assert.That(WooCommerceContract.ValidateResponse("GET", $"orders/{store.Sandbox.State().Orders[0].Id}", 200, WooCommerceContractGaps.AsContractReadsOrders(single.Body)), Is.Empty);
    }

    [Test]
    public void ContractGaps_AreRealDifferences()
    {
        WooCommerceContract.Validate("GET", "orders", null);
        const string order = """[{"id":1,"date_paid":null,"tax_lines":[{"id":3,"rate_id":1}]}]""";

        Assert.That(WooCommerceContract.ValidateResponse("GET", "orders", 200, order), Is.Not.Empty);
        Assert.That(WooCommerceContract.ValidateResponse("GET", "orders", 200, WooCommerceContractGaps.AsContractReadsOrders(order)), Is.Empty);
    }

    private WooOrder Seed(DateTimeOffset created, DateTimeOffset modified) =>
        store.Sandbox.SeedOrder([("SKU-1", 1)], new WooOrderDraft { CreatedAt = created, ModifiedAt = modified });

    private async Task<OrderPage> ReadPage(OrderQuery query)
    {
        var result = await connector.ReadOrdersAsync(query, CancellationToken.None);
        Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
        return result.Page!;
    }

    private static (string, string)[] Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (p[0], Uri.UnescapeDataString(p[1]))).ToArray();
}
