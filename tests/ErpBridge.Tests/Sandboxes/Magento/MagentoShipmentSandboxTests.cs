using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ErpBridge.Tests.Connectors.Magento;

namespace ErpBridge.Tests.Sandboxes.Magento;

/// <summary>The Magento sandbox's orders and shipments over real HTTP: seeding, searching, shipping, its refusals and its state.</summary>
[TestFixture]
public sealed class MagentoShipmentSandboxTests
{
    private MagentoTestStore store = null!;

    [SetUp]
    public async Task StartStore() => store = await MagentoTestStore.StartAsync();

    [TearDown]
    public async Task StopStore() => await store.DisposeAsync();

    [Test]
    public async Task SeededOverHttp_ShippedWithATrack_ShowsInSearchAndState()
    {
        using var seed = await store.Http.PostAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/seed"), Json(
            """{"orders":[{"increment_id":"000000042","items":[{"sku":"SKU-1","qty":2},{"sku":"SKU-2","qty":1}]}]}"""));
        Assert.That(seed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await seed.Content.ReadAsStringAsync());
        var token = store.Sandbox.IssueAdminToken();

        using var orders = await store.Http.SendAsync(Bearer(HttpMethod.Get, Url("V1/orders?" + Search("filterGroups", "increment_id", "000000042", "conditionType")), token));
        using var found = JsonDocument.Parse(await orders.Content.ReadAsStringAsync());
        var order = found.RootElement.GetProperty("items").EnumerateArray().Single();
        var orderId = order.GetProperty("entity_id").GetInt32();
        var itemId = order.GetProperty("items")[0].GetProperty("item_id").GetInt32();

        using var ship = await store.Http.SendAsync(Bearer(HttpMethod.Post, Url($"V1/order/{orderId}/ship"), token,
            $$$"""{"items":[{"order_item_id":{{{itemId}}},"qty":2}],"notify":false,"tracks":[{"track_number":"JJD1","title":"DHL","carrier_code":"dhl"}],"comment":{"comment":"ERP shipment 9","is_visible_on_front":0}}"""));
        var shipBody = await ship.Content.ReadAsStringAsync();
        using var shipments = await store.Http.SendAsync(Bearer(HttpMethod.Get, Url("V1/shipments?" + Search("filter_groups", "order_id", orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), "condition_type")), token));
        var shipmentsBody = await shipments.Content.ReadAsStringAsync();
        var state = await store.Http.GetStringAsync(new Uri(store.Sandbox.BaseAddress, "_sandbox/state"));

        Assert.That(ship.StatusCode, Is.EqualTo(HttpStatusCode.OK), shipBody);
        Assert.That(int.Parse(shipBody, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(store.Sandbox.State().Shipments.Single().Id));
        Assert.That(MagentoContract.ValidateResponse("POST", $"V1/order/{orderId}/ship", 200, shipBody), Is.Empty);
        Assert.That(MagentoContract.ValidateResponse("GET", "V1/shipments", 200, shipmentsBody), Is.Empty);
        using var listed = JsonDocument.Parse(shipmentsBody);
        var shipment = listed.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.That(shipment.GetProperty("tracks")[0].GetProperty("track_number").GetString(), Is.EqualTo("JJD1"));
        Assert.That(shipment.GetProperty("comments")[0].GetProperty("comment").GetString(), Is.EqualTo("ERP shipment 9"));
        using var admin = JsonDocument.Parse(state);
        var stateOrder = admin.RootElement.GetProperty("orders").EnumerateArray().Single();
        Assert.That(stateOrder.GetProperty("items")[0].GetProperty("qty_shipped").GetDecimal(), Is.EqualTo(2));
        Assert.That(stateOrder.GetProperty("state").GetString(), Is.EqualTo("processing"));
        Assert.That(admin.RootElement.GetProperty("shipments").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task ShippingMoreThanIsLeft_Is400WithAPositionalParameter()
    {
        var order = store.Sandbox.SeedOrder("000000043", [("SKU-1", 1)]);
        var token = store.Sandbox.IssueAdminToken();

        using var response = await store.Http.SendAsync(Bearer(HttpMethod.Post, Url($"V1/order/{order.Id}/ship"), token,
            $$"""{"items":[{"order_item_id":{{order.Items[0].ItemId}},"qty":3}]}"""));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.RootElement.GetProperty("message").GetString(), Is.EqualTo("Shipment Document Validation Error(s):\n%1"));
        Assert.That(body.RootElement.GetProperty("parameters")[0].GetString(), Does.Contain("\"SKU-1\": 3 requested, 1 left to ship"));
        Assert.That(store.Sandbox.State().Shipments, Is.Empty);
    }

    [Test]
    public async Task FullyShippedOrder_RefusesAnotherShipment_AndUnknownOrderIs404()
    {
        var order = store.Sandbox.SeedOrder("000000044", [("SKU-1", 1)]);
        var token = store.Sandbox.IssueAdminToken();
        var body = $$"""{"items":[{"order_item_id":{{order.Items[0].ItemId}},"qty":1}]}""";

        using var first = await store.Http.SendAsync(Bearer(HttpMethod.Post, Url($"V1/order/{order.Id}/ship"), token, body));
        using var second = await store.Http.SendAsync(Bearer(HttpMethod.Post, Url($"V1/order/{order.Id}/ship"), token, body));
        using var unknown = await store.Http.SendAsync(Bearer(HttpMethod.Post, Url("V1/order/999/ship"), token, body));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("The order does not allow a shipment to be created."));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(store.Sandbox.State().OrderByNumber("000000044")!.State, Is.EqualTo("complete"));
    }

    [Test]
    public void SeedOrder_TwiceWithTheSameNumber_KeepsTheFirstAndCreatesItsProducts()
    {
        var first = store.Sandbox.SeedOrder("000000045", [("SKU-7", 2)]);
        var again = store.Sandbox.SeedOrder("000000045", [("SKU-8", 1)]);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(store.Sandbox.State().ProductBySku("SKU-7"), Is.Not.Null);
        Assert.That(() => store.Sandbox.SeedOrder("000000046", [("SKU-1", 0)]), Throws.ArgumentException);
    }

    private Uri Url(string relative) => new(store.Api(), relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Search(string groups, string field, string value, string condition) =>
        $"searchCriteria%5B{groups}%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D={Uri.EscapeDataString(field)}"
        + $"&searchCriteria%5B{groups}%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D={Uri.EscapeDataString(value)}"
        + $"&searchCriteria%5B{groups}%5D%5B0%5D%5Bfilters%5D%5B0%5D%5B{condition}%5D=eq";

    private static HttpRequestMessage Bearer(HttpMethod method, Uri url, string token, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = Json(json);
        }

        return request;
    }
}
