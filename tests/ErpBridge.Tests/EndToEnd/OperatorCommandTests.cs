using System.Text.Json;
using ErpBridge.Host;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>The operator's commands against a running bridge's database and channels.</summary>
[NonParallelizable]
public sealed class OperatorCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task DeadLetters_ListedWithReason_ResubmittedAndRedelivered()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Shopify.Seed([]);
        await world.SubmitAsync(DeliveryWorld.Stock("OP-1", T0, ("LATE-SKU", 8)));
        await world.WaitForAsync("OP-1", "Failed");

        var (listed, listing, _) = await world.RunOperatorAsync("dead-letters");
        Assert.That(listed, Is.Zero);
        Assert.That(listing, Does.Contain("OP-1").And.Contain("LATE-SKU").And.Contain($"{DemoChannels.Routed.Length} dead letter(s)"));

        // The operator fixes the cause (the SKU now exists on every store) and resubmits.
        world.Shopify.Seed(["LATE-SKU"]);
        world.BigCommerce.Seed(["LATE-SKU"]);
        world.WooCommerce.Seed(["LATE-SKU"]);
        world.Magento.Seed(["LATE-SKU"]);
        world.Api2Cart.Seed(["LATE-SKU"]);
        world.Zoho.Seed(["LATE-SKU"]);
        var (resubmitted, answer, _) = await world.RunOperatorAsync("resubmit", "--message", "OP-1");
        Assert.That(resubmitted, Is.Zero, answer);
        Assert.That(answer, Does.Contain($"Resubmitted {DemoChannels.Routed.Length} deliveries"));
        await world.WaitForAsync("OP-1", "Delivered");
        Assert.That(world.Shopify.State.Available("LATE-SKU", DeliveryWorld.Location), Is.EqualTo(8));

        var (_, status, _) = await world.RunOperatorAsync("status", "--message", "OP-1");
        Assert.That(status, Does.Contain("Failed -> Pending: resubmitted by an operator").And.Contain("-> Delivered"));
        var (nothing, _, _) = await world.RunOperatorAsync("resubmit", "--channel", DeliveryWorld.ShopifyChannel, "--all");
        Assert.That(nothing, Is.EqualTo(1), "nothing left to resubmit");
    }

    [Test]
    public async Task DryRun_PrintsTheResolvedCalls_AndSendsNothing()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:Enabled"] = "false" });
        var file = Path.Combine(Path.GetTempPath(), $"dry-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, DeliveryWorld.Stock("DRY-1", T0, ("E2E-001", 5)));
        try
        {
            var (code, output, error) = await world.RunOperatorAsync("dry-run", "--channel", DeliveryWorld.ShopifyChannel, "--file", file);

            Assert.That(code, Is.Zero, error);
            var variant = world.Shopify.State.VariantBySku("E2E-001")!;
            Assert.That(output, Does.Contain("POST " + world.Shopify.BaseAddress + "admin/api/2026-01/graphql.json"));
            Assert.That(output, Does.Contain(variant.InventoryItemId), "the inventory item is resolved on the platform");
            Assert.That(output, Does.Contain("X-Shopify-Access-Token: ********").And.Not.Contain(DeliveryWorld.ShopifyToken));
            Assert.That(world.Shopify.State.Mutations, Is.Empty);

            var (jsonCode, json, jsonError) = await world.RunOperatorAsync("dry-run", "--channel", DeliveryWorld.ShopifyChannel, "--file", file, "--json");
            Assert.That(jsonCode, Is.Zero, jsonError);
            using var document = JsonDocument.Parse(json);
            Assert.That(document.RootElement.GetProperty("messageId").GetString(), Is.EqualTo("DRY-1"));
            Assert.That(document.RootElement.GetProperty("platform").GetString(), Is.EqualTo("Shopify").IgnoreCase);
            var call = document.RootElement.GetProperty("calls").EnumerateArray().First();
            Assert.That(call.GetProperty("method").GetString(), Is.EqualTo("POST"));
            Assert.That(call.GetProperty("url").GetString(), Is.EqualTo(world.Shopify.BaseAddress + "admin/api/2026-01/graphql.json"));
            Assert.That(call.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Object), "a JSON body is embedded as JSON, not as a string");
            Assert.That(call.GetProperty("body").GetRawText(), Does.Contain(variant.InventoryItemId));
            Assert.That(call.GetProperty("headers").EnumerateArray().Select(h => h.GetProperty("value").GetString()), Has.None.EqualTo(DeliveryWorld.ShopifyToken));
            Assert.That(world.Shopify.State.Mutations, Is.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Json_DeadLettersAndStatus_AreDocumentsAScriptCanRead()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Shopify.Seed([]);
        await world.SubmitAsync(DeliveryWorld.Stock("OP-J", T0, ("LATE-SKU", 8)));
        await world.WaitForAsync("OP-J", "Failed");

        var (listed, listing, listingError) = await world.RunOperatorAsync("dead-letters", "--channel", DeliveryWorld.ShopifyChannel, "--json");
        var (shown, status, statusError) = await world.RunOperatorAsync("status", "--message", "OP-J", "--json");
        var (missing, nothing, missingError) = await world.RunOperatorAsync("status", "--message", "NO-SUCH", "--json");

        Assert.That(listed, Is.Zero, listingError);
        using var dead = JsonDocument.Parse(listing);
        Assert.That(dead.RootElement.GetProperty("count").GetInt32(), Is.EqualTo(1));
        var letter = dead.RootElement.GetProperty("deadLetters").EnumerateArray().Single();
        Assert.That(letter.GetProperty("messageId").GetString(), Is.EqualTo("OP-J"));
        Assert.That(letter.GetProperty("channel").GetString(), Is.EqualTo(DeliveryWorld.ShopifyChannel));
        Assert.That(letter.GetProperty("type").GetString(), Is.EqualTo("Inventory"));
        Assert.That(letter.GetProperty("lastError").GetString(), Does.Contain("LATE-SKU"));

        Assert.That(shown, Is.Zero, statusError);
        using var message = JsonDocument.Parse(status);
        Assert.That(message.RootElement.GetProperty("messageId").GetString(), Is.EqualTo("OP-J"));
        var deliveries = message.RootElement.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.That(deliveries, Has.Count.EqualTo(DemoChannels.Routed.Length));
        Assert.That(deliveries.Select(d => d.GetProperty("status").GetString()), Is.All.EqualTo("Failed"));
        Assert.That(message.RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()), Has.Some.EqualTo("Failed"));

        Assert.That(missing, Is.EqualTo(1));
        Assert.That(nothing, Is.Empty);
        Assert.That(missingError, Does.Contain("NO-SUCH"));
    }

    [Test]
    public async Task DryRun_UnknownChannel_SaysSo()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:Enabled"] = "false" });
        var file = Path.Combine(Path.GetTempPath(), $"dry-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, DeliveryWorld.Stock("DRY-2", T0, ("E2E-001", 5)));
        try
        {
            var (code, _, error) = await world.RunOperatorAsync("dry-run", "--channel", "no-such-shop", "--file", file);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("no-such-shop"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task MapsTest_RunsTheRepositorysGoldenCases()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await OperatorCommands.RunAsync(["maps-test", "--folder", Support.RepositoryFolders.Xslt], output, error);

        Assert.That(code, Is.Zero, output.ToString() + error);
        Assert.That(output.ToString(), Does.Contain("PASS  outbound/shopify/Inventory").And.Contain(" 0 failed"));
    }
}
