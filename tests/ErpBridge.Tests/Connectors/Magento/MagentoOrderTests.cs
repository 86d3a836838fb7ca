using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Orders;
using ErpBridge.Sandboxes.Magento;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Magento;

/// <summary>
/// Order polling on Magento: the connector's <see cref="IOrderSource"/> against the sandbox over real HTTP (changed-since
/// filter, paging by page number up to total_count, failures), the order JSON through the order map to a valid
/// ord:Order, and every orders request and response checked against the published contract.
/// </summary>
[TestFixture]
public sealed class MagentoOrderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider clock = null!;
    private MagentoTestStore store = null!;

    [SetUp]
    public async Task StartStore()
    {
        clock = new ManualTimeProvider(Start);
        store = await MagentoTestStore.StartAsync(o => o.TimeProvider = clock);
    }

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task ChangedSince_ReturnsOrdersUpdatedAtOrAfterIt_OldestChangeFirst()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        clock.Advance(TimeSpan.FromMinutes(5));
        store.Sandbox.SeedOrder("000000002", [("SKU-2", 2)]);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());
        var since = Start.AddMinutes(1);

        var before = await ReadAll(connector, since, 50);
        clock.Advance(TimeSpan.FromMinutes(5));
        store.Sandbox.CancelOrder("000000001");
        var after = await ReadAll(connector, since, 50);

        Assert.That(before.Select(o => o.OrderNumber), Is.EqualTo(new[] { "000000002" }));
        Assert.That(after.Select(o => o.OrderNumber), Is.EqualTo(new[] { "000000002", "000000001" }));
        Assert.That(after[1].UpdatedAt, Is.EqualTo(Start.AddMinutes(10)));
        Assert.That(after[1].PlatformOrderId, Is.EqualTo(store.Sandbox.State().OrderByNumber("000000001")!.Id.ToString(CultureInfo.InvariantCulture)));
        using var json = JsonDocument.Parse(after[1].Json);
        Assert.That(json.RootElement.GetProperty("state").GetString(), Is.EqualTo("canceled"));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task ChangedSince_WithFractionsOfASecond_IsSentAsMagentoUtcTimeRoundedDown()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var orders = await ReadAll(connector, new DateTimeOffset(2026, 11, 24, 9, 0, 0, 700, TimeSpan.FromHours(1)), 10);

        Assert.That(orders.Select(o => o.OrderNumber), Is.EqualTo(new[] { "000000001" }));
        var query = Uri.UnescapeDataString(store.Sandbox.Requests.Single().Query);
        Assert.That(query, Does.Contain("searchCriteria[filter_groups][0][filters][0][field]=updated_at"));
        Assert.That(query, Does.Contain("searchCriteria[filter_groups][0][filters][0][value]=2026-11-24 08:00:00"));
        Assert.That(query, Does.Contain("searchCriteria[filter_groups][0][filters][0][condition_type]=gteq"));
        Assert.That(query, Does.Contain("searchCriteria[sortOrders][0][field]=updated_at"));
        Assert.That(query, Does.Contain("searchCriteria[sortOrders][0][direction]=ASC"));
    }

    [Test]
    public async Task TwelveOrders_InPagesOfFive_AreThreePages_EachOrderOnce_OldestChangeFirst()
    {
        for (var i = 1; i <= 12; i++)
        {
            store.Sandbox.SeedOrder($"0000000{i:D2}", [($"SKU-{i}", i)]);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        store.Sandbox.UpdateOrder("000000001", "holded");
        clock.Advance(TimeSpan.FromSeconds(1));
        store.Sandbox.UpdateOrder("000000002", "complete");
        await using var connector = MagentoTestStore.Connect("mage", store.OAuthChannel(),
            new ErpBridge.Connectors.Magento.MagentoConnectorOptions { DefaultStoreCode = "default", TimeProvider = clock });
        var source = (IOrderSource)connector;

        var pages = new List<OrderPage>();
        string? token = null;
        do
        {
            var result = await source.ReadOrdersAsync(new OrderQuery(Start, token, 5), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            pages.Add(result.Page!);
            token = result.Page!.NextPageToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.That(pages.Select(p => p.Orders.Count), Is.EqualTo(new[] { 5, 5, 2 }));
        Assert.That(pages.Select(p => p.NextPageToken), Is.EqualTo(new[] { "2", "3", null }));
        var numbers = pages.SelectMany(p => p.Orders).Select(o => o.OrderNumber).ToList();
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(3, 10).Select(i => $"0000000{i:D2}").Concat(["000000001", "000000002"])));
        Assert.That(pages.SelectMany(p => p.Orders).Select(o => o.UpdatedAt), Is.Ordered);
        Assert.That(store.Sandbox.Requests, Has.Count.EqualTo(3));
        AssertRequestsMatchContract();
    }

    [Test]
    public async Task PageSize_IsCappedAtMagentosMaximumOf300()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var result = await ((IOrderSource)connector).ReadOrdersAsync(new OrderQuery(Start, null, 5000), CancellationToken.None);

        Assert.That(result.Page?.Orders, Has.Count.EqualTo(1), result.Failure?.ToString());
        Assert.That(Uri.UnescapeDataString(store.Sandbox.Requests.Single().Query), Does.Contain("searchCriteria[pageSize]=300"));
    }

    [Test]
    public async Task OrderJson_HoldsItemsBillingAddressAndShippingAssignment()
    {
        store.Sandbox.SeedOrder(new MagentoOrderSeed("000000007",
        [
            new MagentoOrderLineSeed("TEE-M", 2, 20m) { Discount = 4m, TaxPercent = 19m },
            new MagentoOrderLineSeed("HOODIE-L", 1, 50m) { ConfigurableName = "Hoodie", Name = "Hoodie - L", TaxPercent = 19m },
        ])
        {
            ShippingAddress = new MagentoAddress("Erika", "Muster", ["Am Markt 5"], "Köln", "50667", "DE", "+49 221 1"),
        });
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var order = (await ReadAll(connector, Start, 10)).Single();

        using var json = JsonDocument.Parse(order.Json);
        var root = json.RootElement;
        Assert.That(root.GetProperty("items").GetArrayLength(), Is.EqualTo(3), "the configurable is a parent and a child row");
        Assert.That(root.GetProperty("billing_address").GetProperty("city").GetString(), Is.EqualTo("Berlin"));
        var shipping = root.GetProperty("extension_attributes").GetProperty("shipping_assignments")[0].GetProperty("shipping");
        Assert.That(shipping.GetProperty("address").GetProperty("city").GetString(), Is.EqualTo("Köln"));
        Assert.That(shipping.GetProperty("method").GetString(), Is.EqualTo("flatrate_flatrate"));
        Assert.That(root.GetProperty("grand_total").GetDecimal(), Is.EqualTo(36m + 50m + 5m + 6.84m + 9.50m));
    }

    [Test]
    public async Task SandboxOrders_MapToCanonicalOrders_ThatValidateAgainstOrdersXsd()
    {
        await using var demo = await MagentoTestStore.StartAsync(o => o.DemoOrders = true);
        demo.Sandbox.Seed(["TSHIRT-RED-M", "HOODIE-GRY-M", "MUG-WHITE"]);
        demo.Sandbox.SeedOrder("000000200", [("MUG-WHITE", 1)]);
        demo.Sandbox.UpdateOrder("000000200", "closed");
        await using var connector = MagentoTestStore.Connect("mage", demo.BearerChannel());
        using var engine = RepositoryMaps.Open();

        var orders = await ReadAll(connector, TimeProvider.System.GetUtcNow().AddDays(-1), 100);
        var mapped = orders.Select(o => OrderMap.Render(engine, "magento", "magento-eu", o.Json)).ToList();

        Assert.That(orders, Has.Count.EqualTo(4));
        foreach (var order in mapped)
        {
            Assert.That(Validate(order), Is.Empty, order.ToString());
        }

        XNamespace ord = OrderMap.Namespace;
        Assert.That(mapped.Select(o => (string?)o.Root!.Element(ord + "Status")), Is.EqualTo(new[] { "Open", "Open", "Cancelled", "Refunded" }));
        Assert.That(mapped.Select(o => (string?)o.Root!.Element(ord + "PaymentStatus")), Is.EqualTo(new[] { "Paid", "Pending", "Voided", "Refunded" }));
        var first = mapped[0].Root!;
        Assert.That(first.Element(ord + "Lines")!.Elements().Select(l => (string?)l.Element(ord + "Sku")), Is.EqualTo(new[] { "TSHIRT-RED-M", "HOODIE-GRY-M" }),
            "the configurable's child row is not a line of its own");
        Assert.That((string?)first.Element(ord + "Totals")!.Element(ord + "Total"), Is.EqualTo("105.70"));
    }

    [Test]
    public async Task WrongCredentials_ArePermanent()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        var channel = store.BearerChannel();
        channel.AccessToken = "not-a-token";
        await using var connector = MagentoTestStore.Connect("mage", channel);

        var result = await ((IOrderSource)connector).ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);

        Assert.That(result.Page, Is.Null);
        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Failure!).Reason, Does.Contain("authentication failed").And.Contain("401"));
    }

    [Test]
    public async Task TooManyRequests_IsTransient_WithRetryAfter()
    {
        store.Sandbox.FailNext(1, 429, TimeSpan.FromSeconds(30));
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var result = await ((IOrderSource)connector).ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Failure!).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task ServerError_IsTransient_AndTheNextReadSucceeds()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        store.Sandbox.FailNext(1, 503);
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());
        var source = (IOrderSource)connector;

        var failed = await source.ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);
        var retried = await source.ReadOrdersAsync(new OrderQuery(Start, null, 10), CancellationToken.None);

        Assert.That(failed.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)failed.Failure!).Reason, Does.Contain("503"));
        Assert.That(retried.Page?.Orders.Select(o => o.OrderNumber), Is.EqualTo(new[] { "000000001" }));
    }

    [Test]
    public async Task PageTokenThatIsNotAPageNumber_IsPermanent_WithoutARequest()
    {
        await using var connector = MagentoTestStore.Connect("mage", store.BearerChannel());

        var result = await ((IOrderSource)connector).ReadOrdersAsync(new OrderQuery(Start, "abc", 10), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task OrderSearchResponses_MatchThePublishedContract()
    {
        store.Sandbox.SeedOrder(new MagentoOrderSeed("000000001", [new MagentoOrderLineSeed("HOODIE-L", 1, 50m) { ConfigurableName = "Hoodie", TaxPercent = 19m, Discount = 5m }]));
        store.Sandbox.SeedOrder(new MagentoOrderSeed("000000002", [new MagentoOrderLineSeed("MUG", 3, 9.5m)])
        {
            State = "new",
            Paid = false,
            Customer = new MagentoCustomer("guest@example.org", null, null, null),
            CustomerNote = "Ring twice",
        });
        store.Sandbox.CancelOrder("000000002");
        var path = MagentoOrderPath(Start, pageSize: 1, page: 1);

        var body = await Get(path);

        var problems = MagentoContract.ValidateResponse("GET", path, 200, body);
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
        var second = await Get(MagentoOrderPath(Start, pageSize: 1, page: 2));
        Assert.That(MagentoContract.ValidateResponse("GET", path, 200, second), Is.Empty);
        Assert.That(MagentoContract.Validate("GET", path, null), Is.Empty);
    }

    [Test]
    public void ContractChecker_RejectsAnOrderWithoutItsRequiredFields()
    {
        var problems = MagentoContract.ValidateResponse("GET", "V1/orders", 200,
            """{"items":[{"entity_id":1,"increment_id":"1"}],"search_criteria":{"filter_groups":[]},"total_count":1}""");

        Assert.That(problems, Has.Some.Contains("grand_total"));
    }

    [Test]
    public async Task Sandbox_PageBeyondTheEnd_AnswersTheLastPageAgain()
    {
        for (var i = 1; i <= 3; i++)
        {
            store.Sandbox.SeedOrder($"00000000{i}", [("SKU-1", 1)]);
        }

        using var last = JsonDocument.Parse(await Get(MagentoOrderPath(Start, pageSize: 2, page: 2)));
        using var beyond = JsonDocument.Parse(await Get(MagentoOrderPath(Start, pageSize: 2, page: 9)));

        Assert.That(IncrementIds(beyond), Is.EqualTo(IncrementIds(last)));
        Assert.That(IncrementIds(last), Is.EqualTo(new[] { "000000003" }));
        Assert.That(beyond.RootElement.GetProperty("total_count").GetInt32(), Is.EqualTo(3));
    }

    [TestCase("searchCriteria[pageSize]=301", "Maximum SearchCriteria pageSize is %max")]
    [TestCase("searchCriteria[currentPage]=first", "type is invalid")]
    [TestCase("searchCriteria[filter_groups][0][filters][0][field]=updated_at&searchCriteria[filter_groups][0][filters][0][value]=x&searchCriteria[filter_groups][0][filters][0][condition_type]=after", "Invalid value")]
    [TestCase("searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=UP", "Invalid value")]
    public async Task Sandbox_BadSearchParameters_Are400WithMagentosMessage(string query, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(store.Api(), "V1/orders?" + query));
        request.Headers.Authorization = new("Bearer", store.Sandbox.IssueAdminToken());

        using var response = await store.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
    }

    [Test]
    public async Task Sandbox_OrdersNeedAuthentication()
    {
        using var response = await store.Http.GetAsync(new Uri(store.Api(), "V1/orders"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Sandbox_AdminEndpoints_UpdateAndCancelOrders_AndBumpUpdatedAt()
    {
        store.Sandbox.SeedOrder("000000001", [("SKU-1", 1)]);
        clock.Advance(TimeSpan.FromMinutes(3));

        using var updated = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/orders/update"),
            new StringContent("""{"increment_id":"000000001","state":"holded","status":"fraud"}""", Encoding.UTF8, "application/json"));
        var afterUpdate = store.Sandbox.State().OrderByNumber("000000001")!;
        clock.Advance(TimeSpan.FromMinutes(3));
        using var cancelled = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/orders/cancel"),
            new StringContent("""{"increment_id":"000000001"}""", Encoding.UTF8, "application/json"));
        using var unknown = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/orders/cancel"),
            new StringContent("""{"increment_id":"999"}""", Encoding.UTF8, "application/json"));

        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((afterUpdate.State, afterUpdate.Status, afterUpdate.UpdatedAt), Is.EqualTo(("holded", "fraud", Start.AddMinutes(3))));
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await cancelled.Content.ReadAsStringAsync(), Does.Contain("\"updated_at\":\"2026-11-24 08:06:00\""));
        var afterCancel = store.Sandbox.State().OrderByNumber("000000001")!;
        Assert.That((afterCancel.State, afterCancel.Status), Is.EqualTo(("canceled", "canceled")));
        Assert.That(afterCancel.CreatedAt, Is.EqualTo(Start));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Sandbox_DemoOrders_ArePlacedOnceWithTheFirstSeededSkus()
    {
        await using var demo = await MagentoTestStore.StartAsync(o => o.DemoOrders = true);

        demo.Sandbox.Seed(["A-1", "B-2", "C-3"]);
        demo.Sandbox.Seed(["D-4"]);

        var orders = demo.Sandbox.State().Orders;
        Assert.That(orders.Select(o => o.IncrementId), Is.EqualTo(new[] { "000000101", "000000102", "000000103" }));
        Assert.That(orders.SelectMany(o => o.Items).Select(i => i.Sku).Distinct(), Is.EquivalentTo(new[] { "A-1", "B-2", "C-3" }));
        Assert.That(orders.Select(o => o.State), Is.EqualTo(new[] { "processing", "new", "canceled" }));
    }

    private static async Task<List<PlatformOrder>> ReadAll(IChannelConnector connector, DateTimeOffset since, int pageSize)
    {
        var source = (IOrderSource)connector;
        var orders = new List<PlatformOrder>();
        string? token = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var result = await source.ReadOrdersAsync(new OrderQuery(since, token, pageSize), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            orders.AddRange(result.Page!.Orders);
            token = result.Page.NextPageToken;
            if (token is null)
            {
                return orders;
            }
        }

        Assert.Fail("the connector never stopped paging");
        return orders;
    }

    private static string MagentoOrderPath(DateTimeOffset since, int pageSize, int page)
    {
        const string filter = "searchCriteria[filter_groups][0][filters][0]";
        return $"V1/orders?{filter}[field]=updated_at&{filter}[value]={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}"
            + $"&{filter}[condition_type]=gteq&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC"
            + $"&searchCriteria[pageSize]={pageSize}&searchCriteria[currentPage]={page}";
    }

    private async Task<string> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(store.Api(), path));
        request.Headers.Authorization = new("Bearer", store.Sandbox.IssueAdminToken());
        using var response = await store.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    private static string[] IncrementIds(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("increment_id").GetString()!).ToArray();

    private void AssertRequestsMatchContract()
    {
        var problems = store.Sandbox.Requests.SelectMany(r => MagentoContract.Validate(r.Method, r.Path + r.Query, r.Body)).ToList();
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    private static List<string> Validate(XDocument order)
    {
        var errors = new List<string>();
        order.Validate(CanonicalSchemas.Orders, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
