using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// SOAP in, platform state out: messages submitted to the real bridge reach the Shopify and BigCommerce sandboxes
/// through the XSLT maps, the Quartz delivery jobs and the connectors; failures are retried, dead-lettered or
/// superseded as the design says, and GetMessageStatus tells the story.
/// </summary>
[NonParallelizable]
public sealed class DeliveryEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Stock_LandsOnAllFourPlatforms_AndStatusShowsDelivered()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Stock("S-1", T0, ("E2E-001", 42), ("E2E-002", 0), ("E2E-003", 7)));
        var deliveries = await world.WaitForAsync("S-1", "Delivered");

        Assert.That(deliveries.Keys, Is.EquivalentTo(DemoChannels.Routed));
        var shopify = world.Shopify.State;
        var bigCommerce = world.BigCommerce.State();
        Assert.That(new[] { "E2E-001", "E2E-002", "E2E-003" }.Select(s => shopify.Available(s, DeliveryWorld.Location)), Is.EqualTo(new int?[] { 42, 0, 7 }));
        Assert.That(new[] { "E2E-001", "E2E-002", "E2E-003" }.Select(s => bigCommerce.StockOf(s, DeliveryWorld.Location)), Is.EqualTo(new int?[] { 42, 0, 7 }));
        Assert.That(new[] { "E2E-001", "E2E-002", "E2E-003" }.Select(s => world.WooCommerce.State().StockOf(s)), Is.EqualTo(new int?[] { 42, 0, 7 }));
        var magento = world.Magento.State();
        Assert.That(new[] { "E2E-001", "E2E-002", "E2E-003" }.Select(s => magento.SourceItem(s, DeliveryWorld.Location)?.Quantity), Is.EqualTo(new decimal?[] { 42, 0, 7 }));
        var history = deliveries[DeliveryWorld.ShopifyChannel].Descendants(St + "Change").Select(c => c.Element(St + "Status")!.Value).ToList();
        Assert.That(history, Is.EqualTo(new[] { "Pending", "Delivered" }));
        Assert.That(deliveries[DeliveryWorld.ShopifyChannel].Descendants(St + "Detail").Last().Value, Does.Contain("gid://shopify/InventoryAdjustmentGroup/"));
        var mutation = shopify.Mutations.Single();
        Assert.That(mutation.IdempotencyKey, Is.Not.Empty, "stock is set with an idempotency key");
        Assert.That(mutation.ArgumentsJson, Does.Contain("gid://erpbridge/Message/S-1"));
    }

    [Test]
    public async Task Products_CreatedThenUpdated_OnAllFourPlatforms()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Product("P-1", T0, "NEW-100", "Trail shoe", 89.90m));
        await world.WaitForAsync("P-1", "Delivered");
        await world.SubmitAsync(DeliveryWorld.Product("P-2", T0.AddMinutes(1), "NEW-100", "Trail shoe, light", 79.50m, "draft"));
        await world.WaitForAsync("P-2", "Delivered");

        var shopify = world.Shopify.State.ProductBySku("NEW-100");
        var bigCommerce = world.BigCommerce.State().ProductBySku("NEW-100");
        Assert.That(world.Shopify.State.Products.Count(p => p.Variants.Any(v => v.Sku == "NEW-100")), Is.EqualTo(1), "updated, not created twice");
        Assert.That((shopify!.Title, shopify.Status, decimal.Parse(shopify.Variants.Single().Price, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(("Trail shoe, light", "DRAFT", 79.50m)));
        Assert.That((bigCommerce!.Name, bigCommerce.Price, bigCommerce.IsVisible), Is.EqualTo(("Trail shoe, light", 79.50m, false)));
        var woo = world.WooCommerce.State().BySku("NEW-100");
        Assert.That((woo!.Name, woo.Status), Is.EqualTo(("Trail shoe, light", "draft")));
        Assert.That(world.WooCommerce.State().Products.Count(p => p.Sku == "NEW-100"), Is.EqualTo(1));
        var magento = world.Magento.State().ProductBySku("NEW-100");
        Assert.That((magento!.Name, magento.Price), Is.EqualTo(("Trail shoe, light", (decimal?)79.50m)));
    }

    [Test]
    public async Task Matmas05Document_BecomesProductsOnThePlatforms()
    {
        await using var world = await DeliveryWorld.StartAsync();
        var idoc = XDocument.Load(Path.Combine(Support.RepositoryFolders.Samples, "idoc", "MATMAS05.xml")).Root!.ToString(SaveOptions.DisableFormatting);

        await world.SubmitAsync($"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>D-1</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>SAP-ECC</doc:SourceSystem><doc:DocumentType>MATMAS05</doc:DocumentType><doc:Payload>{idoc}</doc:Payload></doc:SubmitDocument>""");
        await world.WaitForAsync("D-1", "Delivered");

        Assert.That(world.Shopify.State.ProductBySku("100001")?.Title, Is.Not.Null.And.Not.Empty);
        Assert.That(world.BigCommerce.State().ProductBySku("100001"), Is.Not.Null);
        Assert.That(world.Shopify.State.ProductBySku("100001")!.Variants.Single().Barcode, Is.EqualTo("4006381333931"));

        // A material master carries no sales price: the new products wait as drafts for their price.
        Assert.That((world.Shopify.State.ProductBySku("100001")!.Status, world.Shopify.State.ProductBySku("100001")!.Variants.Single().Price), Is.EqualTo(("DRAFT", "0.00")));
        Assert.That(world.BigCommerce.State().ProductBySku("100001")!.Availability, Is.EqualTo("disabled"));
        Assert.That(world.WooCommerce.State().BySku("100001")!.RegularPrice, Is.Empty);
        Assert.That(world.Magento.State().ProductBySku("100001")!.Status, Is.EqualTo(2));
    }

    [Test]
    public async Task Injected500s_AreRetriedUntilDelivered()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Shopify.FailNext(2, 500);
        world.BigCommerce.FailNext(2, 503);
        world.WooCommerce.FailNext(2, 503);
        world.Magento.FailNext(2, 500);
        world.Api2Cart.FailNext(2, 503);
        world.Zoho.FailNext(2, 503);

        await world.SubmitAsync(DeliveryWorld.Stock("R-1", T0, ("E2E-004", 11)));
        var deliveries = await world.WaitForAsync("R-1", "Delivered");

        foreach (var (channel, delivery) in deliveries)
        {
            Assert.That(delivery.Element(St + "Attempts")!.Value, Is.EqualTo("3"), channel);
            var changes = delivery.Descendants(St + "Change").Select(c => c.Element(St + "Status")!.Value).ToList();
            Assert.That(changes, Is.EqualTo(new[] { "Pending", "RetryScheduled", "RetryScheduled", "Delivered" }), channel);
        }

        Assert.That(world.Shopify.State.Available("E2E-004", DeliveryWorld.Location), Is.EqualTo(11));
        Assert.That(world.BigCommerce.State().StockOf("E2E-004", DeliveryWorld.Location), Is.EqualTo(11));
    }

    [Test]
    public async Task Shopify429WithRetryAfter_IsHonoured()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Shopify.FailNext(1, 429);

        await world.SubmitAsync(DeliveryWorld.Stock("RA-1", T0, ("E2E-005", 3)));
        var deliveries = await world.WaitForAsync("RA-1", "Delivered");

        var changes = deliveries[DeliveryWorld.ShopifyChannel].Descendants(St + "Change").ToList();
        var retry = changes.Single(c => c.Element(St + "Status")!.Value == "RetryScheduled");
        var delivered = changes.Single(c => c.Element(St + "Status")!.Value == "Delivered");
        var waited = DateTime.Parse(delivered.Element(St + "At")!.Value, System.Globalization.CultureInfo.InvariantCulture) - DateTime.Parse(retry.Element(St + "At")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)), "the sandbox's Retry-After of 2 s is longer than the configured backoff (at most 1 s)");
    }

    [Test]
    public async Task PlatformValidationError_DeadLetters_WithThePlatformsMessageInStatus()
    {
        await using var world = await DeliveryWorld.StartAsync();

        // BigCommerce refuses a second product with an existing product's name; Shopify accepts it.
        await world.SubmitAsync(DeliveryWorld.Product("V-1", T0, "NEW-200", "Product E2E-001", 5m));
        var deliveries = await world.WaitForAsync("V-1", "Delivered", "Failed");

        Assert.That(DeliveryWorld.StatusOf(deliveries[DeliveryWorld.ShopifyChannel]), Is.EqualTo("Delivered"));
        var failed = deliveries[DeliveryWorld.BigCommerceChannel];
        Assert.That(DeliveryWorld.StatusOf(failed), Is.EqualTo("Failed"));
        Assert.That(failed.Element(St + "Attempts")!.Value, Is.EqualTo("1"), "a validation error is not retried");
        Assert.That(failed.Element(St + "LastError")!.Value, Does.Contain("The product name is a duplicate"));
    }

    [Test]
    public async Task UnknownSku_DeadLettersNamingIt_OtherMessagesFlow()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Stock("U-1", T0, ("NO-SUCH-SKU", 1)));
        await world.SubmitAsync(DeliveryWorld.Stock("U-2", T0, ("E2E-006", 6)));
        var bad = await world.WaitForAsync("U-1", "Failed");
        await world.WaitForAsync("U-2", "Delivered");

        Assert.That(bad[DeliveryWorld.ShopifyChannel].Element(St + "LastError")!.Value, Does.Contain("NO-SUCH-SKU"));
        Assert.That(bad[DeliveryWorld.BigCommerceChannel].Element(St + "LastError")!.Value, Does.Contain("NO-SUCH-SKU"));

        // Failures are logged with their reasons, never with the platforms' credentials.
        var logs = world.Bridge.ReadLogs();
        Assert.That(logs, Does.Contain("NO-SUCH-SKU"));
        foreach (var secret in world.Secrets)
        {
            Assert.That(logs, Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task RestartWhileRetrying_CarriesOnAfterTheRestart()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.FailEverywhere(1000, 503);
        await world.SubmitAsync(DeliveryWorld.Stock("K-1", T0, ("E2E-007", 70)));
        await DeliveryWorld.EventuallyAsync(() => world.Shopify.GraphQLRequestCount >= 2 && world.BigCommerce.RequestCount >= 2, "both platforms were tried");
        await world.StopBridgeAsync();

        world.FailEverywhere(0, 503);
        await world.StartBridgeAsync();
        var deliveries = await world.WaitForAsync("K-1", "Delivered");

        Assert.That(deliveries.Values.Select(d => int.Parse(d.Element(St + "Attempts")!.Value, System.Globalization.CultureInfo.InvariantCulture)), Has.All.GreaterThan(1));
        Assert.That(world.Shopify.State.Available("E2E-007", DeliveryWorld.Location), Is.EqualTo(70));
        Assert.That(world.BigCommerce.State().StockOf("E2E-007", DeliveryWorld.Location), Is.EqualTo(70));
    }

    [Test]
    public async Task OlderStockAfterNewer_IsSuperseded_PlatformKeepsTheNewerLevel()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Stock("N-new", T0.AddMinutes(5), ("E2E-008", 5)));
        await world.WaitForAsync("N-new", "Delivered");
        await world.SubmitAsync(DeliveryWorld.Stock("N-old", T0, ("E2E-008", 99)));
        var old = await world.WaitForAsync("N-old", "Superseded");

        Assert.That(old[DeliveryWorld.ShopifyChannel].Descendants(St + "Detail").Last().Value, Does.Contain("N-new"));
        Assert.That(world.Shopify.State.Available("E2E-008", DeliveryWorld.Location), Is.EqualTo(5));
        Assert.That(world.BigCommerce.State().StockOf("E2E-008", DeliveryWorld.Location), Is.EqualTo(5));
    }

    [Test]
    public async Task OlderStockRetriedAfterNewerWasDelivered_DoesNotOverwriteIt()
    {
        // Retries wait at least 1.5 s here, long enough for the newer message to be delivered in between.
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Delivery:BackoffBase"] = "00:00:03",
            ["ErpBridge:Delivery:BackoffMax"] = "00:00:03",
        });
        world.FailEverywhere(1, 503);
        await world.SubmitAsync(DeliveryWorld.Stock("O-old", T0, ("E2E-009", 99), ("E2E-010", 10)));
        await world.WaitForAsync("O-old", "RetryScheduled");

        await world.SubmitAsync(DeliveryWorld.Stock("O-new", T0.AddMinutes(5), ("E2E-009", 1)));
        await world.WaitForAsync("O-new", "Delivered");
        var old = await world.WaitForAsync("O-old", "Delivered");

        // The older message still delivers the item no newer message carried, and leaves the other alone.
        Assert.That(world.Shopify.State.Available("E2E-009", DeliveryWorld.Location), Is.EqualTo(1));
        Assert.That(world.BigCommerce.State().StockOf("E2E-009", DeliveryWorld.Location), Is.EqualTo(1));
        Assert.That(world.Shopify.State.Available("E2E-010", DeliveryWorld.Location), Is.EqualTo(10));
        Assert.That(world.BigCommerce.State().StockOf("E2E-010", DeliveryWorld.Location), Is.EqualTo(10));
        Assert.That((world.WooCommerce.State().StockOf("E2E-009"), world.WooCommerce.State().StockOf("E2E-010")), Is.EqualTo(((int?)1, (int?)10)));
        Assert.That(world.Magento.State().SourceItem("E2E-009", DeliveryWorld.Location)?.Quantity, Is.EqualTo(1m));
        Assert.That(old[DeliveryWorld.ShopifyChannel].Descendants(St + "Detail").Last().Value, Does.Contain("1 superseded item(s) left out"));
    }

    [Test]
    public async Task DuplicateSubmissions_CauseOneDelivery()
    {
        await using var world = await DeliveryWorld.StartAsync();
        var body = DeliveryWorld.Stock("DUP-1", T0, ("E2E-011", 4));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => world.Soap.PostAsync(Envelopes.Wrap(body))));
        await world.WaitForAsync("DUP-1", "Delivered");
        await world.SubmitAsync(body);
        await Task.Delay(1000);

        Assert.That(responses.Count(r => r.Body.Contains(">Accepted<", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(world.Shopify.State.Mutations.Count(m => m.ArgumentsJson.Contains("gid://erpbridge/Message/DUP-1", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(world.BigCommerce.WriteRequests.Count(r => r.Path == "v3/inventory/adjustments/absolute"), Is.EqualTo(1));
    }

    [Test]
    public async Task StockMessagesOfARound_GoOutInOneCallPerPlatform()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:Enabled"] = "false" });
        for (var i = 1; i <= 5; i++)
        {
            await world.SubmitAsync(DeliveryWorld.Stock($"B-{i}", T0, ($"E2E-{i:D3}", i * 10), ($"E2E-{i + 10:D3}", i)));
        }

        world.Set("ErpBridge:Delivery:Enabled", "true");
        await world.RestartBridgeAsync();
        foreach (var i in Enumerable.Range(1, 5))
        {
            var deliveries = await world.WaitForAsync($"B-{i}", "Delivered");
            Assert.That(deliveries[DeliveryWorld.ShopifyChannel].Descendants(St + "Detail").Last().Value, Does.Contain("in a batch of 5 messages"));
        }

        Assert.That(world.Shopify.State.Mutations.Count(m => m.Mutation == "inventorySetQuantities"), Is.EqualTo(1));
        Assert.That(world.BigCommerce.WriteRequests.Count(r => r.Path == "v3/inventory/adjustments/absolute"), Is.EqualTo(1));
        Assert.That(Enumerable.Range(1, 5).Select(i => world.Shopify.State.Available($"E2E-{i:D3}", DeliveryWorld.Location)), Is.EqualTo(new int?[] { 10, 20, 30, 40, 50 }));
        Assert.That(Enumerable.Range(1, 5).Select(i => world.BigCommerce.State().StockOf($"E2E-{i + 10:D3}", DeliveryWorld.Location)), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task ABadMessageInABatch_FailsAlone()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:Enabled"] = "false" });
        await world.SubmitAsync(DeliveryWorld.Stock("G-1", T0, ("E2E-001", 1)));
        await world.SubmitAsync(DeliveryWorld.Stock("G-bad", T0, ("NOT-IN-SHOP", 2)));
        await world.SubmitAsync(DeliveryWorld.Stock("G-2", T0, ("E2E-002", 3)));

        world.Set("ErpBridge:Delivery:Enabled", "true");
        await world.RestartBridgeAsync();
        var bad = await world.WaitForAsync("G-bad", "Failed");
        await world.WaitForAsync("G-1", "Delivered");
        await world.WaitForAsync("G-2", "Delivered");

        Assert.That(bad.Values.Select(d => d.Element(St + "LastError")!.Value), Has.All.Contains("NOT-IN-SHOP"));
        Assert.That(world.Shopify.State.Available("E2E-001", DeliveryWorld.Location), Is.EqualTo(1));
        Assert.That(world.BigCommerce.State().StockOf("E2E-002", DeliveryWorld.Location), Is.EqualTo(3));
    }
}
