using System.Diagnostics;
using System.Text;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 14: a product whose description has 60,000 short lines (about 1 MB) once held all four channels for minutes
/// and a stock message behind it with them. Now it is delivered or failed within its budget, and the stock message
/// accepted after it is delivered on every channel within seconds of that: a message accepted while a slow one is in
/// its channel's round goes in the next round, so it waits at most the budget (with linear maps, not even that).
/// </summary>
[NonParallelizable]
public sealed class LongDescriptionEndToEndTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Test]
    public async Task SixtyThousandLineDescription_SettledWithinItsBudget_StockBehindItDeliveredWithinSeconds()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Delivery:MessageBudget"] = "00:00:10" });
        var description = new StringBuilder();
        for (var line = 1; line <= 60_000; line++)
        {
            description.Append("Line ").Append(line).Append(" of the long text\n");
        }

        var product = DeliveryWorld.Product("LONG-1", TimeProvider.System.GetUtcNow(), "E2E-003", "Long text", 9.5m)
            .Replace("<prd:Description>From the ERP</prd:Description>", $"<prd:Description>{description}</prd:Description>", StringComparison.Ordinal);
        Assert.That(product, Does.Contain("Line 60000 of the long text"));

        var clock = Stopwatch.StartNew();
        await world.SubmitAsync(product);
        await world.SubmitAsync(DeliveryWorld.Stock("BEHIND-1", TimeProvider.System.GetUtcNow(), ("E2E-004", 4)));
        await world.WaitForAsync("BEHIND-1", "Delivered");
        var stockDelivered = clock.Elapsed;
        var settled = await world.WaitForAsync("LONG-1", "Delivered", "Failed");
        var productSettled = clock.Elapsed;

        Assert.That(stockDelivered, Is.LessThan(Budget + TimeSpan.FromSeconds(5)), "the stock message behind it went out on every channel within seconds of the budget");
        Assert.That(productSettled, Is.LessThan(Budget * 2), "delivered or failed within its budget (and a margin)");
        foreach (var (channel, delivery) in settled.Where(d => DeliveryWorld.StatusOf(d.Value) == "Failed"))
        {
            Assert.That(delivery.Element((System.Xml.Linq.XNamespace)"urn:erpbridge:status:v1" + "LastError")?.Value, Does.Contain("time budget"), channel);
        }
    }
}
