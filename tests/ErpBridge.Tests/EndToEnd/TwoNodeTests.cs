using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dapper;
using ErpBridge.Bench;
using ErpBridge.Core.Messages;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 16's two-node test: two bridge processes on one PostgreSQL database share the work and never do the same work
/// twice. Both nodes run from the start of the fixture with short schedules (orders polled every 2 s in pages of 50, a
/// reconciliation of bigcommerce-demo every 4 s, 10 s leases renewed every 2 s), so the schedules are checked over
/// everything the other cases made them do.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class TwoNodeTests
{
    private const int SeededOrders = 400;
    private const int StockMessages = 1600;
    private const string OrdersCron = "0/2 * * * * ?";
    private const string ReconciliationCron = "0/4 * * * * ?";
    private const string ReconciledChannel = "bigcommerce-demo";

    private static readonly string[] Nodes = [TwoNodeCluster.First, TwoNodeCluster.Second];

    /// <summary>The writes each store gets for one shipment, as <see cref="TwoNodeStoreCalls"/> names them.</summary>
    private static readonly Dictionary<string, string[]> ShipmentWriteKinds = new(StringComparer.Ordinal)
    {
        ["Shopify"] = ["fulfillmentCreate"],
        ["BigCommerce"] = ["POST v2/orders/{id}/shipments"],
        ["WooCommerce"] = ["PUT orders/{id}", "POST orders/{id}/notes"],
        ["Magento"] = ["POST V1/order/{id}/ship"],
    };

    private TwoNodeCluster? cluster;

    private List<string> waiting = [];

    private TwoNodeCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster did not start");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        cluster = await TwoNodeCluster.StartAsync(SeededOrders, Settings(), timeout.Token);
        await cluster.WaitForSeededOrdersAsync(SeededOrders, TimeSpan.FromSeconds(90), timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task FetchOrders_OnBothNodesAtOnce_HandsOutEveryWaitingOrderOnce(CancellationToken cancellationToken)
    {
        await using (var connection = await Cluster.OpenAsync())
        {
            waiting = [.. await connection.QueryAsync<string>("SELECT order_id FROM orders WHERE state = 'Pending'")];
        }

        Assert.That(waiting, Has.Count.GreaterThanOrEqualTo(4 * SeededOrders), "the seeded orders wait for the ERP");
        using var http = TwoNodeTraffic.Client();
        var handedOut = new ConcurrentQueue<(string Node, string OrderId)>();
        var rounds = 0;

        // Rounds until every waiting order came out: an order a poll is writing at that moment is passed over (SKIP
        // LOCKED) and comes in a later round.
        while (!waiting.All(handedOut.Select(h => h.OrderId).ToHashSet(StringComparer.Ordinal).Contains) && rounds++ < 200)
        {
            // Three ERP clients per node at once, each taking up to 25 orders.
            var answers = await Task.WhenAll(Nodes.SelectMany(node => Enumerable.Repeat(node, 3)).Select(async node => (node, await FetchAsync(http, node, 25, cancellationToken))));
            foreach (var (node, ids) in answers)
            {
                foreach (var id in ids)
                {
                    handedOut.Enqueue((node, id));
                }
            }

            if (answers.All(a => a.Item2.Count == 0))
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        var twice = handedOut.GroupBy(h => h.OrderId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} by {string.Join(", ", g.Select(h => h.Node))}").ToList();
        Assert.That(twice, Is.Empty, "an order handed out twice within the visibility timeout");
        Assert.That(handedOut.Select(h => h.OrderId), Is.SupersetOf(waiting), "every waiting order handed out");
        Assert.That(Nodes.Select(node => handedOut.Count(h => h.Node == node)), Has.All.GreaterThan(0), "both nodes handed orders out");
        var again = await Task.WhenAll(Nodes.Select(node => FetchAsync(http, node, 500, cancellationToken)));
        Assert.That(again.Sum(a => a.Count), Is.Zero, "a fetched order stays hidden on every node until its visibility timeout");
    }

    [Test]
    public async Task DigestToken_UsedOnOneNode_IsRefusedOnTheOther()
    {
        foreach (var (used, other) in new[] { (TwoNodeCluster.First, TwoNodeCluster.Second), (TwoNodeCluster.Second, TwoNodeCluster.First) })
        {
            using var first = new SoapClient(Cluster.Service(used));
            using var second = new SoapClient(Cluster.Service(other));
            var token = Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow());

            var accepted = await first.PostAsync(Envelopes.Wrap(Envelopes.Status(Envelopes.NewId()), token));
            var replay = await second.PostAsync(Envelopes.Wrap(Envelopes.Status(Envelopes.NewId()), token));
            var fresh = await second.PostAsync(Envelopes.Wrap(Envelopes.Status(Envelopes.NewId()), Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow())));

            // An unknown MessageId is refused only after the token was taken: MessageNotFound shows it was.
            Assert.That(accepted.FaultCode, Is.EqualTo("MessageNotFound"), $"the token is taken on {used}: {accepted.Body}");
            Assert.That((replay.FaultCode, replay.SoapFaultCode, replay.Status), Is.EqualTo(("AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError)), $"the replay on {other}: {replay.Body}");
            Assert.That(fresh.FaultCode, Is.EqualTo("MessageNotFound"), $"a new token is taken on {other}: {fresh.Body}");
        }

        await using var connection = await Cluster.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM digest_nonces"), Is.EqualTo(4), "each token's nonce remembered once, in the database both nodes share");
    }

    [Test]
    [CancelAfter(150_000)]
    public async Task Deliveries_TwoThousandMessagesHalfToEachNode_EachDeliveredExactlyOnce(CancellationToken cancellationToken)
    {
        var messages = Enumerable.Range(0, StockMessages).Select(i => TwoNodeTraffic.Stock(i, StockMessages))
            .Concat(Enumerable.Range(1, SeededOrders).Select(o => TwoNodeTraffic.Shipment(Cluster.Orders, o)))
            .OrderBy(m => m.SentAt).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        var expected = 4L * messages.Count;
        using var http = TwoNodeTraffic.Client();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var holders = SampleLeaseHoldersAsync(sampling.Token);

        await Task.WhenAll(Nodes.Select((node, n) => TwoNodeTraffic.SubmitAsync(http, [Cluster.Service(node)], messages.Where((_, i) => i % 2 == n).ToList(), senders: 6, cancellationToken)));
        var deliveries = await Cluster.WaitDeliveredAsync(expected, TimeSpan.FromSeconds(100), cancellationToken);
        await sampling.CancelAsync();
        var leased = await holders;

        var summary = string.Join(", ", deliveries.OrderBy(d => d.Key).Select(d => $"{d.Key.Channel} {d.Key.Status} {d.Value}"));
        Assert.That(KillStores.Channels.Select(c => deliveries.GetValueOrDefault((c, "Delivered"))), Has.All.EqualTo(messages.Count), summary);
        Assert.That(deliveries.Values.Sum(), Is.EqualTo(expected), summary);

        var calls = await TwoNodeStoreCalls.ReadAsync(Cluster.Http, Cluster.Stores, cancellationToken);
        var quantities = messages.SelectMany(m => m.Levels).Select(l => (long)l.Quantity).Order().ToList();
        var shipped = Enumerable.Range(1, SeededOrders).Select(KillOrders.TrackingNumber).ToList();
        foreach (var store in calls)
        {
            Assert.That(store.Complete, Is.True, $"{store.Store}: its log holds all {store.Received} requests");
            Assert.That(store.StockQuantities.Where(q => q.Value != 1).Select(q => $"{q.Key} written {q.Value} times"), Is.Empty, $"{store.Store}: a stock line written more than once");
            Assert.That(store.StockQuantities.Keys.Order(), Is.EqualTo(quantities), $"{store.Store}: every stock line written");
            Assert.That(store.ShipmentWrites.Where(w => w.Value != 1).Select(w => $"{w.Key} {w.Value} times"), Is.Empty, $"{store.Store}: a shipment written more than once");
            var kinds = ShipmentWriteKinds[store.Store];
            Assert.That(store.ShipmentWrites.Keys.Order(StringComparer.Ordinal), Is.EqualTo(kinds.SelectMany(k => shipped.Select(t => k + " " + t)).Order(StringComparer.Ordinal)), $"{store.Store}: each shipment's writes ({string.Join(", ", kinds)})");
        }

        var checks = StoreCheck.Compare(messages, await StoreView.ReadAsync(Cluster.Http, Cluster.Stores, "WH01", cancellationToken));
        Assert.That(checks.Findings, Is.Empty);
        Assert.That(checks.ShipmentMarks, Is.EqualTo(5 * SeededOrders), "a mark per shipment on Shopify, BigCommerce and Magento, two on WooCommerce");
        Assert.That(checks.StockLevels, Is.EqualTo(4 * StockMessages));
        Assert.That(leased.Select(l => l.Holder).Distinct().Order(), Is.EqualTo(Nodes), $"both nodes delivered (channel leases seen: {string.Join(", ", leased)})");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Schedules_RunOncePerFireTime_AndOnOneNodeAtATime(CancellationToken cancellationToken)
    {
        // Run first or last among the cases, the schedules have fired a few times at least.
        while (true)
        {
            await using var connection = await Cluster.OpenAsync();
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reconciliation_runs WHERE channel = @Channel AND status = 'Completed'", new { Channel = ReconciledChannel }) >= 3)
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var now = TimeProvider.System.GetUtcNow();
        List<(long RunId, string Channel, string Status, DateTimeOffset Started, DateTimeOffset? Finished)> runs;
        await using (var connection = await Cluster.OpenAsync())
        {
            runs = [.. (await connection.QueryAsync<(long RunId, string Channel, string Status, string TriggerBy, string Started, string? Finished)>(
                "SELECT run_id, channel, status, trigger_by, started_at, finished_at FROM reconciliation_runs WHERE channel = @Channel ORDER BY run_id", new { Channel = ReconciledChannel }))
                .Select(r =>
                {
                    Assert.That((r.Channel, r.TriggerBy), Is.EqualTo((ReconciledChannel, "schedule")), $"run {r.RunId}");
                    return (r.RunId, r.Channel, r.Status, TwoNodeCluster.ParseTime(r.Started), r.Finished is null ? (DateTimeOffset?)null : TwoNodeCluster.ParseTime(r.Finished));
                })];
        }

        // Reconciliation: at most one run per fire time since the first node started (both nodes firing would make two).
        var fires = TwoNodeCluster.FireTimes(ReconciliationCron, Cluster.StartedAt, now);
        Assert.That(runs, Has.Count.GreaterThanOrEqualTo(3), "the reconciliation ran on its schedule");
        Assert.That(runs, Has.Count.LessThanOrEqualTo(fires.Count), $"{runs.Count} runs for {fires.Count} fire times");
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.That(runs[i - 1].Finished, Is.Not.Null.And.LessThanOrEqualTo(runs[i].Started), $"run {runs[i].RunId} started before run {runs[i - 1].RunId} ended");
        }

        // Each finished run was carried out by one node (its log says it completed it), never by both.
        var completedBy = Nodes.SelectMany(node => Cluster.LogOf(node)
                .Where(e => e.TryGetProperty("@m", out var m) && m.GetString()!.Contains(" completed: ", StringComparison.Ordinal) && e.TryGetProperty("RunId", out _))
                .Select(e => (Node: node, RunId: e.GetProperty("RunId").GetInt64())))
            .ToList();
        var completed = runs.Where(r => r.Status == "Completed").Select(r => r.RunId).ToList();
        Assert.That(completed, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(completedBy.Select(c => c.RunId).Order(), Is.EqualTo(completed), $"each completed run logged by one node ({string.Join(", ", completedBy)})");
        await TestContext.Out.WriteLineAsync($"{runs.Count} reconciliation runs for {fires.Count} fire times; by node: {string.Join(", ", completedBy.GroupBy(c => c.Node).Select(g => $"{g.Key} {g.Count()}"))}");
        await TestContext.Out.WriteLineAsync(string.Join("\n", runs.Select(r => $"run {r.RunId} {r.Status} {r.Started:HH:mm:ss.fff} to {r.Finished:HH:mm:ss.fff}")));
        await TestContext.Out.WriteLineAsync($"first node started {Cluster.StartedAt:HH:mm:ss.fff}, fire times {string.Join(", ", fires.Select(f => f.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))}");

        // Order polls: each poll of a channel reads its pages 1, 2, 3, ... in turn; two polls of one channel at once
        // would interleave their pages in the store's request log.
        var pollFires = TwoNodeCluster.FireTimes(OrdersCron, Cluster.StartedAt, now).Count;
        foreach (var (store, channel, path, filter) in new[] { (Cluster.Stores.WooCommerce, "woocommerce-demo", "orders", "modified_after"), (Cluster.Stores.Magento, "magento-demo", "V1/orders", "updated_at") })
        {
            var (received, requests) = await TwoNodeStoreCalls.RequestsAsync(Cluster.Http, store, CancellationToken.None);
            Assert.That(requests, Has.Count.EqualTo(received), $"{channel}: the log holds every request");
            var pages = requests.Where(r => r.Method == "GET" && r.Path == path && Uri.UnescapeDataString(r.Query).Contains(filter, StringComparison.Ordinal))
                .Select(r => Page(r.Query)).ToList();
            var polls = Polls(pages);
            Assert.That(polls, Has.Count.GreaterThanOrEqualTo(3), $"{channel}: the order poll ran on its schedule");
            Assert.That(polls.Where(p => !p.SequenceEqual(Enumerable.Range(1, p.Count))).Select(p => string.Join(",", p)), Is.Empty, $"{channel}: polls whose pages interleave with another poll's");

            // One poll per fire time, and one at each node's start (a poll that outlasts its period leaves fire times out;
            // the last poll may still be running).
            Assert.That(polls, Has.Count.LessThanOrEqualTo(pollFires + 2), $"{channel}: {polls.Count} polls for {pollFires} fire times");
            await TestContext.Out.WriteLineAsync($"{channel}: {polls.Count} polls for {pollFires} fire times: {string.Join(" | ", polls.Select(p => string.Join(",", p)))}");
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StartReconciliation_OnBothNodesAtOnce_StartsOneRun(CancellationToken cancellationToken)
    {
        // A channel without a schedule here (its store's request log is not read for the polls).
        const string channel = "shopify-demo";
        using var http = TwoNodeTraffic.Client();
        var body = $"<rec:StartReconciliation xmlns:rec=\"{XmlNamespaces.Reconciliation}\"><rec:Channel>{channel}</rec:Channel></rec:StartReconciliation>";
        var answers = await Task.WhenAll(Nodes.SelectMany(node => Enumerable.Repeat(node, 3)).Select(node => BenchSoap.PostAsync(http, Cluster.Service(node), "StartReconciliation", body, cancellationToken)));

        // Before the fix two of them inserted a run each, and the next look-up of the channel's running run failed.
        Assert.That(answers.Where(a => !a.Contains("RunId>", StringComparison.Ordinal)), Is.Empty, "every request answered with a run");
        var runs = answers.Select(a => XDocument.Parse(a).Descendants().Single(e => e.Name.LocalName == "RunId").Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.That(runs, Has.Count.EqualTo(1), "one run for six requests at once on two nodes");
        await using var connection = await Cluster.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reconciliation_runs WHERE channel = @Channel", new { Channel = channel }), Is.EqualTo(1), "one run stored");
    }

    /// <summary>The poll's page numbers split where a page 1 starts the next poll.</summary>
    private static List<List<int>> Polls(IEnumerable<int> pages)
    {
        var polls = new List<List<int>>();
        foreach (var page in pages)
        {
            if (page == 1 || polls.Count == 0)
            {
                polls.Add([]);
            }

            polls[^1].Add(page);
        }

        return polls;
    }

    private static int Page(string query)
    {
        var match = PageParameter().Match(Uri.UnescapeDataString(query));
        return match.Success ? int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture) : 1;
    }

    private async Task<List<(string Holder, string Channel)>> SampleLeaseHoldersAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string Holder, string Channel)>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await using (var connection = await Cluster.OpenAsync())
                {
                    seen.UnionWith(await connection.QueryAsync<(string, string)>("SELECT holder, channel FROM channel_leases"));
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the deliveries.
        }

        return [.. seen.OrderBy(s => s.Holder, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal)];
    }

    private async Task<List<string>> FetchAsync(HttpClient http, string node, int maxOrders, CancellationToken cancellationToken)
    {
        var answer = await BenchSoap.PostAsync(http, Cluster.Service(node), "FetchOrders", $"<ord:FetchOrders xmlns:ord=\"{XmlNamespaces.Orders}\"><ord:MaxOrders>{maxOrders}</ord:MaxOrders></ord:FetchOrders>", cancellationToken);
        var document = XDocument.Parse(answer);
        Assert.That(document.Descendants().Any(e => e.Name.LocalName == "Fault"), Is.False, answer);
        return [.. document.Descendants().Where(e => e.Name.LocalName == "PendingOrder").Select(o => o.Elements().First(e => e.Name.LocalName == "OrderId").Value)];
    }

    /// <summary>
    /// Both nodes' settings: the schedules short enough to fire many times in a test, polls in pages of 50 (every poll
    /// reads several pages of the seeded orders; BigCommerce's reads two more calls per order, and Shopify's pages hold
    /// 15, so those two poll every 20 s), reconciliation of stock only (its order check would mix with the polls in the
    /// request logs) of one channel only, and leases of 10 s renewed every 2 s.
    /// </summary>
    private static Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["ErpBridge__Orders__Cron"] = OrdersCron,
        ["ErpBridge__Orders__PageSize"] = "50",
        ["ErpBridge__Orders__Channels__shopify-demo__Cron"] = "0/20 * * * * ?",
        ["ErpBridge__Orders__Channels__bigcommerce-demo__Cron"] = "0/20 * * * * ?",
        ["ErpBridge__Reconciliation__Cron"] = ReconciliationCron,
        ["ErpBridge__Reconciliation__OrderWindow"] = "00:00:00",
        ["ErpBridge__Reconciliation__Channels__shopify-demo__Enabled"] = "false",
        ["ErpBridge__Reconciliation__Channels__woocommerce-demo__Enabled"] = "false",
        ["ErpBridge__Reconciliation__Channels__magento-demo__Enabled"] = "false",
        ["ErpBridge__Delivery__PollInterval"] = "00:00:00.250",
        ["ErpBridge__Delivery__LeaseDuration"] = "00:00:10",
        ["ErpBridge__Delivery__LeaseHeartbeat"] = "00:00:02",
        ["ErpBridge__Delivery__BackoffBase"] = "00:00:00.250",
        ["ErpBridge__Delivery__BackoffMax"] = "00:00:02",
    };

    [GeneratedRegex(@"(?:^|[?&])(?:page|searchCriteria\[currentPage\])=(?<page>\d+)")]
    private static partial Regex PageParameter();
}
