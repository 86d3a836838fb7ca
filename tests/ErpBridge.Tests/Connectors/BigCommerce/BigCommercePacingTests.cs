using System.Collections.Concurrent;
using System.Diagnostics;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Core.Delivery;
using Line = ErpBridge.Tests.Connectors.BigCommerce.BigCommercePlans.StockLine;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>A burst against a rate-limited store: the connector paces itself to the X-Rate-Limit-* headers.</summary>
[TestFixture]
public sealed class BigCommercePacingTests
{
    private const int Updates = 300;
    private const int Quota = 100;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Test]
    public async Task BurstOfUpdates_SmallQuota_NearlyNo429()
    {
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.Seed(Enumerable.Range(0, 10).Select(i => $"B-{i}"));
        await using var connector = new BigCommerceConnectorFactory().Create("burst", store.Channel());
        store.Sandbox.RateLimit(enabled: true, quota: Quota, window: Window);
        var outcomes = new ConcurrentBag<DeliveryOutcome>();
        var next = -1;
        var watch = Stopwatch.StartNew();

        // Four workers, as the delivery job runs several deliveries of one channel at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Updates)
            {
                outcomes.Add(await connector.ExecuteAsync(
                    BigCommercePlans.Stock($"M-{index}", new Line($"B-{index % 10}", "WH1", index)), CancellationToken.None));
            }
        })));
        watch.Stop();

        var refused = outcomes.Count(o => o is DeliveryOutcome.TransientFailure);
        var accepted = store.Sandbox.RequestCount;
        var allowedPerSecond = Quota / Window.TotalSeconds;
        var achievedPerSecond = accepted / watch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"{Updates} updates: {refused} refused (429), {accepted} requests accepted in {watch.Elapsed.TotalSeconds:0.00} s = {achievedPerSecond:0.0}/s of {allowedPerSecond}/s allowed");
        Assert.That(outcomes.Count(o => o is DeliveryOutcome.Delivered) + refused, Is.EqualTo(Updates), string.Join("; ", outcomes.OfType<DeliveryOutcome.PermanentFailure>().Take(3)));
        Assert.That(refused, Is.LessThanOrEqualTo(Updates / 100), "429s met by the burst");

        // The rate reached is reported, not asserted: it depends on the machine. The ratelimit benchmark measures it.
    }

    [Test]
    public async Task BurstWithoutReadingHeaders_WouldMeet429s()
    {
        // The same burst sent straight at the store shows what the pacing prevents (and that the limit bites).
        await using var store = await BigCommerceTestStore.StartAsync();
        store.Sandbox.RateLimit(enabled: true, quota: 20, window: TimeSpan.FromSeconds(5));

        var statuses = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await store.Http.GetAsync(new Uri("v3/inventory/locations", UriKind.Relative));
            statuses.Add((int)response.StatusCode);
        }

        Assert.That(statuses.Count(s => s == 429), Is.EqualTo(10));
    }
}
