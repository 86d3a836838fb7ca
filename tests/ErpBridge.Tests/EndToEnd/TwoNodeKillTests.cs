using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using ErpBridge.Bench;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 16's two-node test with a kill: while both nodes take messages and deliver (the stores answer slowly, so
/// rounds take seconds), the node that has deliveries in progress is killed with SIGKILL. The other node takes the
/// dead node's channels and claims over once their lease (10 s, renewed every 2 s while the node lived) has run out,
/// not before, and finishes the work; nothing is lost and nothing sent twice, by the kill benchmark's criteria (each
/// shipment once on each store, each stock level the newest accepted) and by the calls the stores received.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TwoNodeKillTests
{
    private const int SeededOrders = 100;
    private const int StockMessages = 600;
    private const int StockSkus = 150;

    private static readonly Dictionary<string, string> ChannelOfStore = new(StringComparer.Ordinal)
    {
        ["Shopify"] = "shopify-demo",
        ["BigCommerce"] = "bigcommerce-demo",
        ["WooCommerce"] = "woocommerce-demo",
        ["Magento"] = "magento-demo",
    };

    [Test]
    [CancelAfter(150_000)]
    public async Task NodeKilledWhileDelivering_TheOtherTakesOverAfterTheLease_NothingLostNothingSentTwice(CancellationToken cancellationToken)
    {
        await using var cluster = await TwoNodeCluster.StartAsync(SeededOrders, Settings(), cancellationToken);
        await cluster.WaitForSeededOrdersAsync(SeededOrders, TimeSpan.FromSeconds(90), cancellationToken);
        await SlowDownStoresAsync(cluster, cancellationToken);
        var messages = Enumerable.Range(0, StockMessages).Select(i => TwoNodeTraffic.Stock(i, StockSkus))
            .Concat(Enumerable.Range(1, SeededOrders).Select(o => TwoNodeTraffic.Shipment(cluster.Orders, o)))
            .OrderBy(m => m.SentAt).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        using var http = TwoNodeTraffic.Client();
        var nodes = new[] { TwoNodeCluster.First, TwoNodeCluster.Second };

        // Half to each node; a sender whose node is killed under it sends the message again to the other.
        var sending = Task.WhenAll(nodes.Select((node, n) => TwoNodeTraffic.SubmitAsync(
            http, [cluster.Service(node), cluster.Service(nodes[1 - n])], messages.Where((_, i) => i % 2 == n).ToList(), senders: 4, cancellationToken)));
        var (victim, orphaned, leases) = await KillWhileDeliveringAsync(cluster, cancellationToken);
        var killedAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var survivor = nodes.Single(n => n != victim);
        await sending;

        var deliveries = await cluster.WaitDeliveredAsync(4L * messages.Count, TimeSpan.FromSeconds(60), cancellationToken);
        var drained = clock.Elapsed;
        var summary = string.Join(", ", deliveries.OrderBy(d => d.Key).Select(d => $"{d.Key.Channel} {d.Key.Status} {d.Value}"));
        await TestContext.Out.WriteLineAsync($"killed {victim} holding {string.Join(", ", leases.Keys)} with {orphaned.Count} deliveries in progress; {survivor} drained {drained.TotalSeconds:0.0} s later: {summary}");

        Assert.That(orphaned, Is.Not.Empty, "the kill came while the killed node had deliveries in progress");
        Assert.That(KillStores.Channels.Select(c => deliveries.GetValueOrDefault((c, "Delivered")) + deliveries.GetValueOrDefault((c, "Superseded"))), Has.All.EqualTo(messages.Count), "nothing lost: " + summary);
        Assert.That(deliveries.Values.Sum(), Is.EqualTo(4L * messages.Count), summary);

        // The survivor took nothing of the dead node's before its lease and claims ran out.
        await using (var connection = await cluster.OpenAsync())
        {
            var audit = (await connection.QueryAsync<(long DeliveryId, string Channel, string ToStatus, string At)>(
                "SELECT delivery_id, channel, to_status, at FROM delivery_audit ORDER BY audit_id")).ToList();
            foreach (var (id, claim) in orphaned)
            {
                var finished = audit.Where(a => a.DeliveryId == id && a.ToStatus is "Delivered" or "Superseded").Select(a => TwoNodeCluster.ParseTime(a.At)).ToList();
                Assert.That(finished, Has.Count.EqualTo(1), $"delivery {id} finished once");
                Assert.That(finished[0], Is.GreaterThan(claim.Until), $"delivery {id} ({claim.Channel}) was finished only after the dead node's claim ran out");
            }

            // The stores' channels: the cluster routes nothing to api2cart-demo, whose lease the victim may hold all the same.
            foreach (var (channel, until) in leases.Where(l => KillStores.Channels.Contains(l.Key)))
            {
                var after = audit.Where(a => a.Channel == channel).Select(a => TwoNodeCluster.ParseTime(a.At)).Where(at => at > killedAt).ToList();
                Assert.That(after, Is.Not.Empty, $"{channel}: the survivor delivered after the kill");
                Assert.That(after.Min(), Is.GreaterThan(until), $"{channel}: nothing delivered between the kill and the end of the dead node's lease");
            }
        }

        var checks = StoreCheck.Compare(messages, await StoreView.ReadAsync(cluster.Http, cluster.Stores, "WH01", cancellationToken));
        Assert.That(checks.Findings, Is.Empty, "each shipment once on each store, each stock level the newest accepted");
        Assert.That(checks.ShipmentMarks, Is.EqualTo(5 * SeededOrders));
        Assert.That(checks.StockLevels, Is.EqualTo(4 * StockSkus));

        // Sent twice: a stock line only when its delivery was in flight at the kill. The dead node may have sent it and
        // died before recording the outcome; the product promises at least once there (an absolute level, and Shopify's
        // idempotency key), so the survivor sends it again. Anything else reaches a store at most once. Shipments are
        // looked up on the store before they are created, so even one in flight at the kill is written once.
        var inFlight = orphaned.Values.Select(c => (c.Channel, c.Quantity)).ToHashSet();
        foreach (var store in await TwoNodeStoreCalls.ReadAsync(cluster.Http, cluster.Stores, cancellationToken))
        {
            Assert.That(store.Complete, Is.True, $"{store.Store}: its log holds all {store.Received} requests");
            var twice = store.StockQuantities.Where(q => q.Value > (inFlight.Contains((ChannelOfStore[store.Store], q.Key)) ? 2 : 1)).Select(q => $"{q.Key} written {q.Value} times");
            Assert.That(twice, Is.Empty, $"{store.Store}: a stock line sent twice that was not in flight at the kill");
            Assert.That(store.ShipmentWrites.Where(w => w.Value != 1).Select(w => $"{w.Key} {w.Value} times"), Is.Empty, $"{store.Store}: a shipment written twice");
            Assert.That(store.ShipmentWrites.Keys.Select(k => k[^11..]).Distinct().Count(), Is.EqualTo(SeededOrders), $"{store.Store}: every shipment written");
        }
    }

    /// <summary>
    /// Waits until a node has deliveries in progress (claimed, not finished) and kills it with SIGKILL; returns which node,
    /// the claims it left (the delivery, its channel, the stock quantity it carries, when the claim runs out) and the
    /// channel leases it held (until when), as the database holds them after the kill.
    /// </summary>
    private static async Task<(string Victim, Dictionary<long, (string Channel, long Quantity, DateTimeOffset Until)> Orphaned, Dictionary<string, DateTimeOffset> Leases)> KillWhileDeliveringAsync(TwoNodeCluster cluster, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await cluster.OpenAsync();
            var busy = await connection.QueryFirstOrDefaultAsync<string>(
                "SELECT claimed_by FROM deliveries WHERE status = 'InProgress' GROUP BY claimed_by HAVING COUNT(*) >= 10 ORDER BY COUNT(*) DESC LIMIT 1");
            if (busy is not null)
            {
                await cluster.KillAsync(busy);
                var claims = await connection.QueryAsync<(long DeliveryId, string Channel, string Until, string Payload)>(
                    "SELECT d.delivery_id, d.channel, d.claimed_until, m.payload FROM deliveries d JOIN messages m ON m.message_id = d.message_id WHERE d.status = 'InProgress' AND d.claimed_by = @Busy",
                    new { Busy = busy });
                var leases = await connection.QueryAsync<(string Channel, string Until)>("SELECT channel, until FROM channel_leases WHERE holder = @Busy", new { Busy = busy });
                return (
                    busy,
                    claims.ToDictionary(c => c.DeliveryId, c => (c.Channel, StockQuantity(c.Payload), TwoNodeCluster.ParseTime(c.Until))),
                    leases.ToDictionary(l => l.Channel, l => TwoNodeCluster.ParseTime(l.Until), StringComparer.Ordinal));
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>The quantity of a test stock message's one line (0 for a shipment), read from its stored payload.</summary>
    private static long StockQuantity(string payload)
    {
        var start = payload.IndexOf("Quantity>", StringComparison.Ordinal);
        if (start < 0 || !payload.Contains("SubmitInventory", StringComparison.Ordinal))
        {
            return 0;
        }

        start += "Quantity>".Length;
        return long.Parse(payload[start..payload.IndexOf('<', start)], CultureInfo.InvariantCulture);
    }

    /// <summary>Every store answers each request 40 ms late, so that a round of deliveries takes seconds.</summary>
    private static async Task SlowDownStoresAsync(TwoNodeCluster cluster, CancellationToken cancellationToken)
    {
        foreach (var (store, body) in new[]
        {
            (cluster.Stores.Shopify, """{"delayMilliseconds":40}"""),
            (cluster.Stores.BigCommerce, """{"delay_ms":40}"""),
            (cluster.Stores.WooCommerce, """{"delay_ms":40}"""),
            (cluster.Stores.Magento, """{"delay_ms":40}"""),
        })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await cluster.Http.PostAsync(new Uri(store, "_sandbox/faults"), content, cancellationToken);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{store}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Short leases (10 s, renewed every 2 s) so that the takeover comes within the test; no reconciliation.</summary>
    private static Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["ErpBridge__Orders__Cron"] = "0/2 * * * * ?",
        ["ErpBridge__Reconciliation__Enabled"] = "false",
        ["ErpBridge__Delivery__PollInterval"] = "00:00:00.250",
        ["ErpBridge__Delivery__LeaseDuration"] = "00:00:10",
        ["ErpBridge__Delivery__LeaseHeartbeat"] = "00:00:02",
        ["ErpBridge__Delivery__BackoffBase"] = "00:00:00.250",
        ["ErpBridge__Delivery__BackoffMax"] = "00:00:02",
    };
}
