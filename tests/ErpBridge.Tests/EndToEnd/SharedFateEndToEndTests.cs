using System.Diagnostics;
using ErpBridge.Core.Scheduling;
using ErpBridge.Orders;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 14, requirement 5: channels and jobs do not share fate. Two stores hang on every request, so their channels'
/// deliveries and order polls are held busy; meanwhile another channel delivers, an order poll runs and the status
/// calls answer, each within generous bounds.
/// </summary>
[NonParallelizable]
public sealed class SharedFateEndToEndTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(10);

    [Test]
    public async Task TwoChannelsHeldBusy_AnotherChannelDelivers_AnOrderPollRuns_AndStatusAnswers()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        var scheduler = await world.Bridge.App.Services.GetRequiredService<ISchedulerFactory>().GetRequiredScheduler(ClusterScheduler.Name);
        try
        {
            world.WooCommerce.Delay(Hang);
            world.Magento.Delay(Hang);
            await world.SubmitAsync(DeliveryWorld.Stock("BUSY-1", TimeProvider.System.GetUtcNow(), ("E2E-001", 1)));
            foreach (var slow in new[] { DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel })
            {
                await scheduler.TriggerJob(PollOrdersJob.KeyFor(slow));
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // the slow channels' deliveries and polls are now waiting on their stores
            var clock = Stopwatch.StartNew();
            await world.SubmitAsync(DeliveryWorld.Stock("FREE-1", TimeProvider.System.GetUtcNow(), ("E2E-002", 2)));
            var pollsBefore = ShopifyOrderQueries(world);
            await scheduler.TriggerJob(PollOrdersJob.KeyFor(DeliveryWorld.ShopifyChannel));

            var slowestStatus = TimeSpan.Zero;
            using var http = world.Bridge.MonitoringClient();
            bool delivered, polled;
            do
            {
                var call = Stopwatch.StartNew();
                var counts = await http.GetAsync(new Uri(world.Bridge.BaseAddress, "status/deliveries"));
                var status = await world.StatusAsync("FREE-1");
                call.Stop();
                Assert.That(counts.IsSuccessStatusCode, Is.True);
                slowestStatus = call.Elapsed > slowestStatus ? call.Elapsed : slowestStatus;
                delivered = new[] { DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel }.All(c => DeliveryWorld.StatusOf(status[c]) == "Delivered");
                polled = ShopifyOrderQueries(world) > pollsBefore;
                await Task.Delay(100);
            }
            while ((!delivered || !polled) && clock.Elapsed < OnTime);

            var busy = await world.StatusAsync("BUSY-1");
            Assert.That(delivered, Is.True, $"the free channels delivered within {OnTime}");
            Assert.That(polled, Is.True, $"the free channel's order poll ran within {OnTime}");
            Assert.That(slowestStatus, Is.LessThan(TimeSpan.FromSeconds(2)), "the status calls answered while two channels were busy");
            Assert.That(DeliveryWorld.StatusOf(busy[DeliveryWorld.WooCommerceChannel]), Is.EqualTo("InProgress"), "the slow channel was still busy all along");
            Assert.That(clock.Elapsed, Is.LessThan(Hang), "all of it while the slow stores had not answered yet");
        }
        finally
        {
            world.WooCommerce.Delay(TimeSpan.Zero);
            world.Magento.Delay(TimeSpan.Zero);
        }
    }

    private static int ShopifyOrderQueries(DeliveryWorld world) =>
        world.Shopify.GraphQLRequests.Count(r => r.Query.Contains("orders(", StringComparison.Ordinal));
}
