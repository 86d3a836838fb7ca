using System.Text.Json;
using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Failures per item, not per message, through the real bridge and the four platform sandboxes: a location a channel
/// does not take is skipped, an unknown SKU fails alone, and the rest of the message is delivered; status, dead
/// letters, resubmit and reconciliation work item by item.
/// </summary>
[NonParallelizable]
public sealed class ItemFailureEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task ThreeLocationStock_OnWooCommerce_DeliversItsWH01Level_AndSkipsTheOthersWithTheReason()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(StockAt("L-1", T0, ("E2E-001", "WH01", 5), ("E2E-001", "WH02", 6), ("E2E-001", "WH03", 7)));
        var deliveries = await world.WaitForAsync("L-1", "Delivered");

        Assert.That(world.WooCommerce.State().StockOf("E2E-001"), Is.EqualTo(5), "the WH01 level, never WH02's or WH03's");
        var items = Items(deliveries[DeliveryWorld.WooCommerceChannel]);
        Assert.That(items.Select(i => (i.Key, i.Outcome)), Is.EquivalentTo(new[] { ("inv:E2E-001@WH02", "Skipped"), ("inv:E2E-001@WH03", "Skipped") }));
        Assert.That(items.Select(i => i.Reason), Has.All.Contain("is not for channel 'woocommerce-demo'").And.All.Contain("'WH01' only"));

        // The other platforms take every location the store has: WH01 and WH02 arrive, WH03 (no such location) fails alone.
        Assert.That(world.BigCommerce.State().StockOf("E2E-001", "WH02"), Is.EqualTo(6));
        Assert.That(world.Magento.State().SourceItem("E2E-001", "WH01")?.Quantity, Is.EqualTo(5));
        var shopify = Items(deliveries[DeliveryWorld.ShopifyChannel]).Single();
        Assert.That((shopify.Key, shopify.Outcome), Is.EqualTo(("inv:E2E-001@WH03", "Failed")));
        Assert.That(world.Shopify.State.Available("E2E-001", "WH02"), Is.EqualTo(6));

        var (code, output, _) = await world.RunOperatorAsync("status", "--message", "L-1");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("woocommerce-demo: Delivered with 2 items skipped"));
        Assert.That(output, Does.Contain("skipped inv:E2E-001@WH02: stock for ERP location 'WH02' is not for channel 'woocommerce-demo'"));

        using var http = world.Bridge.MonitoringClient();
        using var counts = JsonDocument.Parse(await http.GetStringAsync(new Uri("status/deliveries", UriKind.Relative)));
        Assert.That(counts.RootElement.GetProperty("items").GetProperty(DeliveryWorld.WooCommerceChannel).GetProperty("Skipped").GetInt64(), Is.EqualTo(2));

        var (deadCode, dead, _) = await world.RunOperatorAsync("dead-letters", "--channel", DeliveryWorld.WooCommerceChannel);
        Assert.That((deadCode, dead.Trim()), Is.EqualTo((0, "No dead letters on channel woocommerce-demo.")), "a skipped location is no error");
    }

    [Test]
    public async Task OneUnknownSkuAmongTen_DeliversTheNineOnEveryPlatform_AndFailsTheOneWithItsReason()
    {
        await using var world = await DeliveryWorld.StartAsync();
        var nine = Enumerable.Range(1, 9).Select(i => ($"E2E-{i:D3}", DeliveryWorld.Location, i * 10)).ToList();

        await world.SubmitAsync(StockAt("U-10", T0, [.. nine.Take(4), ("GHOST-1", DeliveryWorld.Location, 99), .. nine.Skip(4)]));
        var deliveries = await world.WaitForAsync("U-10", "Delivered");

        var expected = nine.Select(n => (int?)n.Item3).ToArray();
        Assert.That(nine.Select(n => world.Shopify.State.Available(n.Item1, DeliveryWorld.Location)), Is.EqualTo(expected), "Shopify");
        Assert.That(nine.Select(n => world.BigCommerce.State().StockOf(n.Item1, DeliveryWorld.Location)), Is.EqualTo(expected), "BigCommerce");
        Assert.That(nine.Select(n => world.WooCommerce.State().StockOf(n.Item1)), Is.EqualTo(expected), "WooCommerce");
        Assert.That(nine.Select(n => (int?)world.Magento.State().SourceItem(n.Item1, DeliveryWorld.Location)?.Quantity), Is.EqualTo(expected), "Magento");
        Assert.That(nine.Select(n => (int?)world.Api2Cart.State().QuantityOf(n.Item1)), Is.EqualTo(expected), "API2Cart");
        Assert.That(nine.Select(n => (int?)world.Zoho.StockOf(n.Item1, DeliveryWorld.Location)), Is.EqualTo(expected), "Zoho Inventory");
        foreach (var (channel, delivery) in deliveries)
        {
            var failed = Items(delivery).Single();
            Assert.That((failed.Key, failed.Outcome), Is.EqualTo(("inv:GHOST-1@WH01", "Failed")), channel);
            Assert.That(failed.Reason, Does.Contain("GHOST-1").And.Contain(channel), channel);
            Assert.That(delivery.Descendants(St + "Detail").Last().Value, Does.Contain("1 item failed"), channel);
        }

        var (code, output, _) = await world.RunOperatorAsync("dead-letters", "--json");
        Assert.That(code, Is.Zero);
        using var json = JsonDocument.Parse(output);
        var dead = json.RootElement.GetProperty("deadLetters").EnumerateArray().ToList();
        Assert.That(dead.Select(d => (d.GetProperty("messageId").GetString(), d.GetProperty("item").GetString())), Is.EqualTo(Enumerable.Repeat(("U-10", "inv:GHOST-1@WH01"), DemoChannels.Routed.Length)));
        Assert.That(dead.Select(d => d.GetProperty("channel").GetString()), Is.EquivalentTo(DemoChannels.Routed));
    }

    [Test]
    public async Task FailedItem_ResubmittedAlone_SendsOnlyThatItem_AndLeavesTheOtherChannelsDeadLetters()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(StockAt("RS-1", T0, ("E2E-001", DeliveryWorld.Location, 11), ("LATE-1", DeliveryWorld.Location, 4)));
        await world.WaitForAsync("RS-1", "Delivered");
        world.WooCommerce.Seed(["LATE-1"]);
        var writesBefore = world.WooCommerce.WriteRequests.Count;

        var (code, output, _) = await world.RunOperatorAsync("resubmit", "--message", "RS-1", "--channel", DeliveryWorld.WooCommerceChannel, "--item", "inv:LATE-1@WH01");

        Assert.That(code, Is.Zero, output);
        Assert.That(output.Trim(), Is.EqualTo("Resubmitted 1 failed item; a running bridge sends it at its next poll."));
        await DeliveryWorld.EventuallyAsync(() => world.WooCommerce.State().StockOf("LATE-1") == 4, "the resubmitted item on WooCommerce");
        var deliveries = await world.WaitForAsync("RS-1", "Delivered");
        Assert.That(Items(deliveries[DeliveryWorld.WooCommerceChannel]), Is.Empty);
        var resent = world.WooCommerce.WriteRequests.Skip(writesBefore).ToList();
        Assert.That(resent.Select(r => r.Body), Has.All.Not.Contain("stock_quantity\":11"), "only the failed item is sent again");
        var (_, dead, _) = await world.RunOperatorAsync("dead-letters", "--json");
        using var json = JsonDocument.Parse(dead);
        Assert.That(json.RootElement.GetProperty("deadLetters").EnumerateArray().Select(d => d.GetProperty("channel").GetString()),
            Is.EquivalentTo(new[] { DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.MagentoChannel, DeliveryWorld.Api2CartChannel, DeliveryWorld.ZohoChannel }));
        var (again, _, _) = await world.RunOperatorAsync("resubmit", "--message", "RS-1", "--channel", DeliveryWorld.WooCommerceChannel, "--item", "inv:LATE-1@WH01");
        Assert.That(again, Is.EqualTo(1), "nothing of it has failed any more");
    }

    [Test]
    public async Task FailedItem_ResubmittedAfterANewerMessageDeliveredIt_DoesNotOverwriteTheNewerLevel()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(StockAt("OLD-1", T0, ("E2E-002", DeliveryWorld.Location, 1), ("LATE-2", DeliveryWorld.Location, 1)));
        await world.WaitForAsync("OLD-1", "Delivered");
        world.WooCommerce.Seed(["LATE-2"]);
        await world.SubmitAsync(StockAt("NEW-1", T0.AddMinutes(5), ("LATE-2", DeliveryWorld.Location, 2)));
        await DeliveryWorld.EventuallyAsync(() => world.WooCommerce.State().StockOf("LATE-2") == 2, "the newer level on WooCommerce");

        var (code, _, _) = await world.RunOperatorAsync("resubmit", "--message", "OLD-1", "--channel", DeliveryWorld.WooCommerceChannel, "--item", "inv:LATE-2@WH01");
        Assert.That(code, Is.Zero);
        await DeliveryWorld.EventuallyAsync(
            () => world.RunOperatorAsync("status", "--message", "OLD-1").GetAwaiter().GetResult().Output.Contains("superseded by a newer message (NEW-1)", StringComparison.Ordinal),
            "the resubmitted item found superseded");

        var deliveries = await world.WaitForAsync("OLD-1", "Delivered");
        Assert.That(world.WooCommerce.State().StockOf("LATE-2"), Is.EqualTo(2), "the older level never overwrites the newer one");
        Assert.That(Items(deliveries[DeliveryWorld.WooCommerceChannel]), Is.Empty);
    }

    [Test]
    public async Task Reconciliation_DoesNotCountASkippedLocation_DeliveredOrInFlight()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Reconciliation:OrderWindow"] = "00:00:00" });
        var now = TimeProvider.System.GetUtcNow();
        await world.SubmitAsync(StockAt("RC-1", now.AddMinutes(-5), ("E2E-001", "WH01", 10), ("E2E-001", "WH02", 20), ("E2E-001", "WH03", 30)));
        await world.WaitForAsync("RC-1", "Delivered");

        var (delivered, matches) = await ReconcileAsync(world);

        Assert.That(matches, Is.EqualTo(1), "E2E-001 at WH01");
        Assert.That(delivered, Is.Empty, "a location the channel does not take is neither drift, missing nor in flight");

        // A newer three-location message not delivered yet: only its WH01 level is on its way to the channel.
        await world.StopBridgeAsync();
        world.Set("ErpBridge:Delivery:Enabled", "false");
        await world.StartBridgeAsync();
        await world.SubmitAsync(StockAt("RC-2", now, ("E2E-001", "WH01", 11), ("E2E-001", "WH02", 21), ("E2E-001", "WH03", 31)));

        var (pending, _) = await ReconcileAsync(world);

        Assert.That(pending, Is.EqualTo(new[] { ("InFlight", "WH01") }));
    }

    /// <summary>Reconciles the WooCommerce channel now: the findings for E2E-001 (class, location) and how many levels matched.</summary>
    private static async Task<(List<(string Class, string? Location)> Findings, long Matches)> ReconcileAsync(DeliveryWorld world)
    {
        var (code, output, error) = await world.RunOperatorAsync("reconcile", "--channel", DeliveryWorld.WooCommerceChannel, "--json");
        Assert.That(code, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs")[0];
        var findings = run.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("sku").GetString() == "E2E-001")
            .Select(f => (f.GetProperty("class").GetString()!, f.TryGetProperty("location", out var l) ? l.GetString() : null))
            .ToList();
        var matches = run.GetProperty("counts").EnumerateArray().Where(c => c.GetProperty("class").GetString() == "Match").Sum(c => c.GetProperty("count").GetInt64());
        return (findings, matches);
    }

    /// <summary>The items a channel's delivery lists in GetMessageStatus: key, outcome, reason.</summary>
    private static List<(string Key, string Outcome, string Reason)> Items(XElement delivery) =>
        delivery.Elements(St + "Items").Elements(St + "Item")
            .Select(i => (i.Element(St + "Key")!.Value, i.Element(St + "Outcome")!.Value, i.Element(St + "Reason")!.Value))
            .ToList();

    private static string StockAt(string messageId, DateTimeOffset sentAt, params (string Sku, string Location, int Quantity)[] items) =>
        $"""<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>{messageId}</inv:MessageId><inv:SentAt>{sentAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items>{string.Concat(items.Select(i => $"<inv:Item><inv:Sku>{i.Sku}</inv:Sku><inv:Location>{i.Location}</inv:Location><inv:Quantity>{i.Quantity}</inv:Quantity></inv:Item>"))}</inv:Items></inv:SubmitInventory>""";
}
