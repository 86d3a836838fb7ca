using System.Xml.Linq;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// SOAP in, Zoho Inventory out: stock becomes adjustments by the difference to the stock on hand, products become
/// items by SKU, a lost answer is retried without adjusting twice, and a refused grant pauses the channel.
/// </summary>
[NonParallelizable]
public sealed class ZohoInventoryEndToEndTests
{
    private static readonly XNamespace St = "urn:erpbridge:status:v1";
    private static readonly DateTimeOffset T0 = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Stock_BecomesAdjustmentsToTheErpsLevel()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Zoho.SetStock("E2E-001", DeliveryWorld.Location, 10);
        world.Zoho.SetStock("E2E-002", DeliveryWorld.Location, 5);

        await world.SubmitAsync(DeliveryWorld.Stock("Z-1", T0, ("E2E-001", 42), ("E2E-002", 0), ("E2E-003", 7)));
        var deliveries = await world.WaitForAsync("Z-1", "Delivered");

        Assert.That(DeliveryWorld.StatusOf(deliveries[DeliveryWorld.ZohoChannel]), Is.EqualTo("Delivered"));
        Assert.That(new[] { "E2E-001", "E2E-002", "E2E-003" }.Select(s => world.Zoho.StockOf(s, DeliveryWorld.Location)), Is.EqualTo(new decimal?[] { 42, 0, 7 }));
        var adjustment = world.Zoho.Adjustments.Single();
        Assert.That(adjustment.Lines.Select(l => l.Quantity), Is.EquivalentTo(new[] { 32m, -5m, 7m }));
        Assert.That(adjustment.Description, Is.EqualTo("ERP stock Z-1"));
        Assert.That(deliveries[DeliveryWorld.ZohoChannel].Descendants(St + "Detail").Last().Value, Does.Contain(adjustment.AdjustmentId));
    }

    [Test]
    public async Task Products_CreatedThenUpdatedBySku()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(DeliveryWorld.Product("ZP-1", T0, "NEW-200", "Trail shoe", 89.90m));
        await world.WaitForAsync("ZP-1", "Delivered");
        await world.SubmitAsync(DeliveryWorld.Product("ZP-2", T0.AddMinutes(1), "NEW-200", "Trail shoe, light", 79.50m, "draft"));
        await world.WaitForAsync("ZP-2", "Delivered");

        Assert.That(world.Zoho.Items.Count(i => i.Sku == "NEW-200"), Is.EqualTo(1), "updated, not created twice");
        var item = world.Zoho.Item("NEW-200")!;
        Assert.That((item.Name, item.Rate, item.Status), Is.EqualTo(("Trail shoe, light", (decimal?)79.50m, "inactive")));
    }

    [Test]
    public async Task LostAnswer_IsRetried_AndZohoIsAdjustedOnce()
    {
        await using var world = await DeliveryWorld.StartAsync();
        world.Zoho.SetStock("E2E-001", DeliveryWorld.Location, 10);
        world.Zoho.LoseNextAnswers(1);

        await world.SubmitAsync(DeliveryWorld.Stock("Z-1", T0, ("E2E-001", 42)));
        var deliveries = await world.WaitForAsync("Z-1", "Delivered");

        var history = deliveries[DeliveryWorld.ZohoChannel].Descendants(St + "Change").Select(c => c.Element(St + "Status")!.Value).ToList();
        Assert.That(history, Is.EqualTo(new[] { "Pending", "RetryScheduled", "Delivered" }));
        Assert.That(world.Zoho.Adjustments, Has.Count.EqualTo(1));
        Assert.That(world.Zoho.StockOf("E2E-001", DeliveryWorld.Location), Is.EqualTo(42m));
    }
}
