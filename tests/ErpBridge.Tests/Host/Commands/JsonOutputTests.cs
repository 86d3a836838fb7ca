using System.Text.Json;
using ErpBridge.Tests.EndToEnd;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host.Commands;

/// <summary><c>--json</c>: one JSON document on standard output, with the fields a script reads.</summary>
[NonParallelizable]
public sealed class JsonOutputTests
{
    [Test]
    public async Task DeadLettersAndOrders_OnAnEmptyStore_AreDocumentsWithEmptyLists()
    {
        using var folder = new TempFolder();
        var path = folder.File("erpbridge.db");
        await File.WriteAllBytesAsync(path, []);

        var dead = await CommandRun.RunAsync(CommandRun.Database(path), "dead-letters", "--json", "--limit", "7");
        var orders = await CommandRun.RunAsync(CommandRun.Database(path), "orders", "--json", "--state", "failed");

        Assert.That(dead.Code, Is.Zero, dead.Error);
        using var deadJson = JsonDocument.Parse(dead.Output);
        Assert.That(deadJson.RootElement.GetProperty("count").GetInt32(), Is.Zero);
        Assert.That(deadJson.RootElement.GetProperty("limit").GetInt32(), Is.EqualTo(7));
        Assert.That(deadJson.RootElement.GetProperty("deadLetters").GetArrayLength(), Is.Zero);
        Assert.That(orders.Code, Is.Zero, orders.Error);
        using var ordersJson = JsonDocument.Parse(orders.Output);
        Assert.That(ordersJson.RootElement.GetProperty("orders").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task MapsTest_ListsEveryCase_WithItsOutcome()
    {
        var run = await CommandRun.RunAsync(null, "maps-test", "--folder", Support.RepositoryFolders.Xslt, "--filter", "shopify", "--json");

        Assert.That(run.Code, Is.Zero, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("failed").GetInt32(), Is.Zero);
        Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(root.GetProperty("passed").GetInt32()).And.GreaterThan(0));
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.That(cases, Has.Count.EqualTo(root.GetProperty("total").GetInt32()));
        Assert.That(cases.Select(c => c.GetProperty("map").GetString()), Has.Some.EqualTo("outbound/shopify/Inventory"));
        Assert.That(cases.All(c => c.GetProperty("passed").GetBoolean() && c.TryGetProperty("case", out _)), Is.True);
    }

    [Test]
    public async Task MapsTest_NoCaseMatches_ExitsWithUsage()
    {
        var run = await CommandRun.RunAsync(null, "maps-test", "--folder", Support.RepositoryFolders.Xslt, "--filter", "no-such-map", "--json");

        Assert.That(run.Code, Is.EqualTo(2));
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task ReconcileAndReport_GiveTheRunItsCountsAndEveryFinding()
    {
        string[] skus = ["J-001", "J-002", "J-003"];
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Reconciliation:OrderGrace"] = "00:00:00" }, skus);
        await world.SubmitAsync(DeliveryWorld.Stock("JS-1", TimeProvider.System.GetUtcNow().AddMinutes(-5), ("J-001", 10), ("J-002", 20), ("J-003", 30)));
        await world.WaitForAsync("JS-1", "Delivered");
        world.BigCommerce.SetStock([("J-002", DeliveryWorld.Location, 99)]);

        var reconcile = await CommandRun.RunAsync(world.Settings, "reconcile", "--channel", DeliveryWorld.BigCommerceChannel, "--json");
        var report = await CommandRun.RunAsync(world.Settings, "reconciliation-report", "--channel", DeliveryWorld.BigCommerceChannel, "--class", "drift", "--json");

        Assert.That(reconcile.Code, Is.Zero, reconcile.Output + reconcile.Error);
        Assert.That(reconcile.Error, Does.Contain("Reconciling bigcommerce-demo"), "the progress goes to standard error");
        using var reconcileJson = JsonDocument.Parse(reconcile.Output);
        var only = reconcileJson.RootElement.GetProperty("runs").EnumerateArray().Single();
        var run = only.GetProperty("run");
        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(run.GetProperty("channel").GetString(), Is.EqualTo(DeliveryWorld.BigCommerceChannel));
        var counts = only.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("class").GetString()!, c => c.GetProperty("count").GetInt64());
        Assert.That(counts["Match"], Is.EqualTo(2));
        Assert.That(counts["Drift"], Is.EqualTo(1));
        Assert.That(only.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("class").GetString()), Has.None.EqualTo("Match"));

        Assert.That(report.Code, Is.Zero, report.Error);
        using var reportJson = JsonDocument.Parse(report.Output);
        Assert.That(reportJson.RootElement.GetProperty("run").GetProperty("runId").GetInt64(), Is.EqualTo(run.GetProperty("runId").GetInt64()));
        var drift = reportJson.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(
            (drift.GetProperty("sku").GetString(), drift.GetProperty("erpQuantity").GetInt64(), drift.GetProperty("storeQuantity").GetInt64()),
            Is.EqualTo(("J-002", 20L, 99L)));
    }
}
