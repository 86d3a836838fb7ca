using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Orders;
using ErpBridge.Sandboxes.BigCommerce;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// Order polling: the connector reads orders from the sandbox over real HTTP (changed-since filter, pages, lines and
/// shipping addresses merged into each order, failures classified), and what it reads maps to a valid ord:Order.
/// </summary>
[TestFixture]
public sealed class BigCommerceOrderSourceTests
{
    private const string ChannelName = "bc-test";
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider clock = null!;
    private BigCommerceTestStore store = null!;
    private BigCommerceConnector connector = null!;

    [SetUp]
    public async Task StartStore()
    {
        clock = new ManualTimeProvider(Start);
        store = await BigCommerceTestStore.StartAsync(o => o.TimeProvider = clock);
        connector = Connect(store);
    }

    [TearDown]
    public async Task StopStore()
    {
        await connector.DisposeAsync();
        await store.DisposeAsync();
    }

    [Test]
    public async Task ChangedSince_ReturnsOrdersChangedAtOrAfterIt_NotOlderOnes()
    {
        Seed(1, Start.AddHours(-3));
        Seed(2, Start.AddHours(-2));
        Seed(3, Start.AddMinutes(-30));
        clock.Advance(TimeSpan.FromMinutes(10));
        store.Sandbox.UpdateOrder(1, BigCommerceOrderStatuses.Shipped);

        var page = await ReadPage(new OrderQuery(Start.AddHours(-1), null, 50));

        Assert.That(page.Orders.Select(o => o.PlatformOrderId), Is.EqualTo(new[] { "3", "1" }));
        Assert.That(page.Orders.Select(o => o.UpdatedAt), Is.EqualTo(new[] { Start.AddMinutes(-30), Start.AddMinutes(10) }));
        Assert.That(page.Orders.Select(o => o.OrderNumber), Is.EqualTo(new[] { "3", "1" }));
        Assert.That(page.NextPageToken, Is.Null);
    }

    [Test]
    public async Task ChangedSince_WithinTheSameSecond_StillIncludesTheOrder()
    {
        Seed(1, Start);

        var page = await ReadPage(new OrderQuery(Start.AddMilliseconds(700), null, 50));

        Assert.That(page.Orders.Select(o => o.PlatformOrderId), Is.EqualTo(new[] { "1" }));
        Assert.That(store.Sandbox.Requests[0].Query, Does.Contain("min_date_modified=Fri,%2020%20Nov%202026%2012:00:00%20%2B0000"));
    }

    [Test]
    public async Task TwelveOrders_PageSizeFive_ThreePagesEveryOrderOnceOldestChangeFirst()
    {
        // Created in one order, changed in another: the pages must follow the change time, not the id.
        for (var id = 1; id <= 12; id++)
        {
            Seed(id, Start.AddHours(-1).AddMinutes(id));
        }

        foreach (var id in new[] { 4, 9, 2 })
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            store.Sandbox.UpdateOrder(id, BigCommerceOrderStatuses.AwaitingShipment);
        }

        var pages = new List<OrderPage>();
        string? token = null;
        do
        {
            var page = await ReadPage(new OrderQuery(Start.AddDays(-1), token, 5));
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.That(pages.Select(p => p.Orders.Count), Is.EqualTo(new[] { 5, 5, 2 }));
        Assert.That(pages.Select(p => p.NextPageToken), Is.EqualTo(new[] { "2", "3", null }));
        var ids = pages.SelectMany(p => p.Orders).Select(o => int.Parse(o.PlatformOrderId, CultureInfo.InvariantCulture)).ToList();
        Assert.That(ids, Is.EqualTo(new[] { 1, 3, 5, 6, 7, 8, 10, 11, 12, 4, 9, 2 }));
        var times = pages.SelectMany(p => p.Orders).Select(o => o.UpdatedAt).ToList();
        Assert.That(times, Is.Ordered);
        Assert.That(store.Sandbox.Requests.Where(r => r.Path == "v2/orders").Select(r => r.Query),
            Has.All.Contains("sort=date_modified:asc").And.All.Contains("limit=5"));
    }

    [Test]
    public async Task FullLastPage_NextPageIsEmpty_AndEndsTheRound()
    {
        for (var id = 1; id <= 4; id++)
        {
            Seed(id, Start.AddMinutes(-id));
        }

        var first = await ReadPage(new OrderQuery(Start.AddDays(-1), null, 2));
        var second = await ReadPage(new OrderQuery(Start.AddDays(-1), first.NextPageToken, 2));
        var third = await ReadPage(new OrderQuery(Start.AddDays(-1), second.NextPageToken, 2));

        Assert.That(second.NextPageToken, Is.EqualTo("3"));
        Assert.That(third.Orders, Is.Empty);
        Assert.That(third.NextPageToken, Is.Null);
    }

    [Test]
    public async Task PageSize_IsCappedAtTheV2Maximum()
    {
        Seed(1, Start);

        await ReadPage(new OrderQuery(Start.AddDays(-1), null, 1000));

        Assert.That(store.Sandbox.Requests[0].Query, Does.Contain("limit=250"));
    }

    [Test]
    public async Task EachOrder_HasItsProductsAndShippingAddressesMergedIn()
    {
        store.Sandbox.Seed(["SKU-1"]);
        var seeded = store.Sandbox.SeedOrder(new SandboxOrderSeed(42, [
            new SandboxOrderLineSeed("SKU-1", 2, 24.50m) { TaxRate = 0.0825m, Discount = 4.90m },
            new SandboxOrderLineSeed("", 1, 5m) { Name = "Gift wrapping" },
        ])
        {
            ShippingAddress = new SandboxAddress("Alan", "Turing", "2 Bletchley Ln", "Boston", "02108", "US"),
            ShippingMethod = "Free Shipping",
        });

        var order = (await ReadPage(new OrderQuery(Start.AddDays(-1), null, 50))).Orders.Single();

        using var json = JsonDocument.Parse(order.Json);
        var root = json.RootElement;
        Assert.That(root.GetProperty("id").GetInt32(), Is.EqualTo(42));
        var products = root.GetProperty("products").EnumerateArray().ToList();
        Assert.That(products.Select(p => p.GetProperty("id").GetInt32()), Is.EqualTo(seeded.Products.Select(p => p.Id)));
        Assert.That(products.Select(p => p.GetProperty("sku").GetString()), Is.EqualTo(new[] { "SKU-1", "" }));
        Assert.That(products[0].GetProperty("product_id").GetInt32(), Is.EqualTo(store.Sandbox.State().ProductBySku("SKU-1")!.Id));
        var address = root.GetProperty("shipping_addresses").EnumerateArray().Single();
        Assert.That(address.GetProperty("id").GetInt32(), Is.EqualTo(seeded.ShippingAddresses[0].Id));
        Assert.That(address.GetProperty("first_name").GetString(), Is.EqualTo("Alan"));
        Assert.That(address.GetProperty("shipping_method").GetString(), Is.EqualTo("Free Shipping"));
        Assert.That(root.GetProperty("billing_address").GetProperty("first_name").GetString(), Is.EqualTo("Ada"));
        Assert.That(store.Sandbox.Requests.Select(r => r.Path), Is.EqualTo(new[]
        {
            "v2/orders", "v2/orders/42/products", "v2/orders/42/shipping_addresses",
        }));
    }

    [Test]
    public async Task NoOrdersChanged_IsAnEmptyLastPage()
    {
        Seed(1, Start.AddDays(-2));

        var page = await ReadPage(new OrderQuery(Start, null, 50));

        Assert.That(page.Orders, Is.Empty);
        Assert.That(page.NextPageToken, Is.Null);
        Assert.That(store.Sandbox.Requests.Single().Status, Is.EqualTo(204));
    }

    [Test]
    public async Task WrongCredentials_ArePermanent()
    {
        await using var wrong = (BigCommerceConnector)new BigCommerceConnectorFactory().Create(ChannelName, store.Channel(token: "not-the-token"));

        var result = await wrong.ReadOrdersAsync(new OrderQuery(Start, null, 50), CancellationToken.None);

        Assert.That(result.Page, Is.Null);
        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Failure!).Reason, Does.Contain("authentication failed").And.Contain("401"));
    }

    [Test]
    public async Task BadPageToken_IsPermanent()
    {
        var result = await connector.ReadOrdersAsync(new OrderQuery(Start, "next", 50), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(store.Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task StoreRateLimitUsedUp_IsTransient_WithTheWaitTheStoreAsksFor()
    {
        store.Sandbox.RateLimit(enabled: true, quota: 2, window: TimeSpan.FromSeconds(30));
        using (await store.Http.GetAsync(new Uri("v2/orders", UriKind.Relative)))
        using (await store.Http.GetAsync(new Uri("v2/orders", UriKind.Relative)))
        {
        }

        var result = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 50), CancellationToken.None);

        var transient = result.Failure as DeliveryOutcome.TransientFailure;
        Assert.That(transient, Is.Not.Null, result.ToString());
        Assert.That(transient!.Reason, Does.Contain("429"));
        Assert.That(transient.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task RateLimitedStore_ReadingIsPacedToTheQuota_NotRefused()
    {
        await using var limited = await BigCommerceTestStore.StartAsync(o =>
        {
            o.RateLimitEnabled = true;
            o.RateLimitQuota = 4;
            o.RateLimitWindow = TimeSpan.FromMilliseconds(500);
        });
        for (var id = 1; id <= 3; id++)
        {
            limited.Sandbox.SeedOrder(id, [("SKU-1", 1)]);
        }

        await using var paced = Connect(limited);

        var result = await paced.ReadOrdersAsync(new OrderQuery(TimeProvider.System.GetUtcNow().AddDays(-1), null, 50), CancellationToken.None);

        Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
        Assert.That(result.Page!.Orders, Has.Count.EqualTo(3));
        Assert.That(limited.Sandbox.RequestCount, Is.EqualTo(7));
        Assert.That(limited.Sandbox.RateLimitedCount, Is.Zero);
    }

    [TestCase(500)]
    [TestCase(503)]
    public async Task ServerError_IsTransient(int status)
    {
        store.Sandbox.FailNext(1, status);

        var result = await connector.ReadOrdersAsync(new OrderQuery(Start, null, 50), CancellationToken.None);

        Assert.That(result.Failure, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Failure!).Reason, Does.Contain(status.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task SandboxOrders_MapToCanonicalOrdersThatValidate()
    {
        await using var demo = await BigCommerceTestStore.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.DemoOrders = true;
        });
        demo.Sandbox.Seed(["MAT-100000", "MAT-100001", "MAT-100002"]);
        demo.Sandbox.SeedOrder(new SandboxOrderSeed(900, [new SandboxOrderLineSeed("MAT-100000", 1, 19.99m) { TaxRate = 0.07m }])
        {
            CustomerId = 0,
            BillingAddress = new SandboxAddress("", "", "", "", "10115", "") { Email = "guest@example.com" },
        });
        await using var source = Connect(demo);
        using var engine = RepositoryMaps.Open();

        var orders = (await source.ReadOrdersAsync(new OrderQuery(Start.AddDays(-7), null, 50), CancellationToken.None)).Page!.Orders;
        var mapped = orders.ToDictionary(o => o.PlatformOrderId, o => OrderMap.Render(engine, "bigcommerce", ChannelName, o.Json));

        Assert.That(mapped.Keys, Is.EquivalentTo(new[] { "100", "101", "102", "103", "900" }));
        foreach (var (id, document) in mapped)
        {
            Assert.That(Validate(document), Is.Empty, $"order {id}: {document}");
        }

        XNamespace ord = OrderMap.Namespace;
        var paid = mapped["100"].Root!;
        Assert.That(paid.Element(ord + "Channel")!.Value, Is.EqualTo(ChannelName));
        Assert.That(paid.Element(ord + "Status")!.Value, Is.EqualTo("Open"));
        Assert.That(paid.Element(ord + "PaymentStatus")!.Value, Is.EqualTo("Paid"));
        Assert.That(paid.Element(ord + "Totals")!.Element(ord + "Total")!.Value, Is.EqualTo("187.59"));
        Assert.That(paid.Element(ord + "UpdatedAt")!.Value, Is.EqualTo("2026-11-17T12:00:00Z"));
        var guest = mapped["101"].Root!;
        Assert.That(guest.Element(ord + "Customer")!.Element(ord + "PlatformCustomerId"), Is.Null);
        Assert.That(guest.Element(ord + "ShippingAddress")!.Element(ord + "FirstName")!.Value, Is.EqualTo("Alan"));
        Assert.That(guest.Descendants(ord + "Line").Select(l => l.Element(ord + "Sku")?.Value), Is.EqualTo(new[] { "MAT-100002", null }));
        Assert.That(mapped["102"].Root!.Element(ord + "Status")!.Value, Is.EqualTo("Completed"));
        Assert.That(mapped["103"].Root!.Element(ord + "Status")!.Value, Is.EqualTo("Cancelled"));
        Assert.That(mapped["103"].Root!.Element(ord + "PaymentStatus")!.Value, Is.EqualTo("Voided"));
        var bare = mapped["900"].Root!;
        Assert.That(bare.Element(ord + "Customer")!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Email" }));
        Assert.That(bare.Element(ord + "BillingAddress")!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "PostalCode", "Email" }));
    }

    private static BigCommerceConnector Connect(BigCommerceTestStore target) =>
        (BigCommerceConnector)new BigCommerceConnectorFactory().Create(ChannelName, target.Channel());

    private SandboxOrder Seed(int id, DateTimeOffset createdAt) =>
        store.Sandbox.SeedOrder(new SandboxOrderSeed(id, [new SandboxOrderLineSeed("SKU-1", 1)]) { CreatedAt = createdAt });

    private async Task<OrderPage> ReadPage(OrderQuery query)
    {
        var result = await connector.ReadOrdersAsync(query, CancellationToken.None);
        Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
        return result.Page!;
    }

    private static List<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(CanonicalSchemas.Orders, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
