using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// Store-side effects across kills: orders are seeded on the four sandboxes and fetched by a bridge, senders keep sending stock, products and
/// shipments, and the bridge process is started and killed with SIGKILL <see cref="KillSettings.Cycles"/> times at
/// random moments (during start-up, or a random time after it answers /health, while it delivers). Then a bridge runs
/// undisturbed until every accepted message is delivered on every channel, and the stores are compared with the
/// accepted messages (<see cref="StoreCheck"/>).
/// </summary>
internal static class KillRun
{
    private static readonly string[] Waiting = ["Pending", "InProgress", "RetryScheduled"];
    private static readonly string[] Done = ["Delivered", "Superseded"];

    public static async Task<KillReport> RunAsync(KillSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var orderSku = settings.SkuPrefix + (settings.SkuFrom + settings.StockSkus).ToString(CultureInfo.InvariantCulture);
        var orders = await KillOrders.SeedAsync(http, settings.Stores, settings.Shipments, orderSku, cancellationToken);
        await orders.FetchAsync(settings, settings.Shipments, cancellationToken);
        var traffic = new KillTraffic(settings, orders, TimeProvider.System.GetUtcNow());
        var random = new Random(settings.RandomSeed + 1);
        using var stopTaking = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = traffic.RunAsync(stopTaking.Token, abort.Token);
        var orphaned = new OrphanedClaims(settings.Database);
        int startupKills = 0, inProgressKills = 0;
        var lastKill = TimeSpan.Zero;
        try
        {
            for (var cycle = 1; cycle <= settings.Cycles; cycle++)
            {
                using var bridge = BridgeProcess.Start(settings.Bridge, cycle);
                string moment;
                if (random.NextDouble() < settings.StartupKillShare)
                {
                    // Anywhere in start-up: migrations, the scheduler's first rounds, Kestrel binding.
                    var after = TimeSpan.FromMilliseconds(random.Next(2000));
                    await Task.Delay(after, cancellationToken);
                    startupKills++;
                    moment = Invariant($"{after.TotalMilliseconds:0} ms after start");
                }
                else
                {
                    var service = await bridge.WaitReadyAsync(http, settings.ReadyTimeout, cancellationToken);
                    traffic.Service = service;
                    var up = settings.MinUp + ((settings.MaxUp - settings.MinUp) * random.NextDouble());
                    await Task.Delay(up, cancellationToken);
                    var inProgress = await CountAsync(http, service, "InProgress", cancellationToken);
                    inProgressKills += inProgress > 0 ? 1 : 0;
                    moment = Invariant($"{up.TotalMilliseconds:0} ms after healthy, {inProgress} deliveries InProgress");
                }

                await bridge.KillAsync();
                lastKill = clock.Elapsed;
                traffic.Service = null;
                var left = orphaned.AfterKill(bridge.Id);
                settings.Log.WriteLine(Invariant($"cycle {cycle}/{settings.Cycles}: killed pid {bridge.Id} {moment}; it left {left} claims; {traffic.Accepted.Count} accepted so far"));
            }

            using var final = BridgeProcess.Start(settings.Bridge, settings.Cycles + 1);
            var url = await final.WaitReadyAsync(http, settings.ReadyTimeout, cancellationToken);
            traffic.Service = url;
            await stopTaking.CancelAsync();
            abort.CancelAfter(TimeSpan.FromSeconds(60));
            await sending;
            var accepted = traffic.Accepted;
            var (drained, deliveries) = await DrainAsync(http, url, accepted.Count, settings.DrainTimeout, cancellationToken);
            var drainSeconds = (clock.Elapsed - lastKill).TotalSeconds;
            var checks = StoreCheck.Compare(accepted, await StoreView.ReadAsync(http, settings.Stores, settings.Location, cancellationToken));
            var findings = new List<string>();
            foreach (var channel in KillStores.Channels)
            {
                var counts = deliveries.GetValueOrDefault(channel) ?? new Dictionary<string, long>();
                var done = Done.Sum(s => counts.GetValueOrDefault(s));
                if (done != accepted.Count)
                {
                    findings.Add(Invariant($"{channel}: {done} of {accepted.Count} accepted messages delivered or superseded ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))})"));
                }
            }

            findings.AddRange(checks.Findings);
            return new KillReport
            {
                Cycles = settings.Cycles,
                StartupKills = startupKills,
                KillsWithDeliveriesInProgress = inProgressKills,
                AcceptedStock = accepted.Count(m => m.Kind == KillMessageKind.Stock),
                AcceptedProducts = accepted.Count(m => m.Kind == KillMessageKind.Product),
                AcceptedShipments = accepted.Count(m => m.Kind == KillMessageKind.Shipment),
                OrphanedClaims = orphaned.Total,
                OrphanedDeliveries = orphaned.Deliveries,
                MostOrphanedClaims = orphaned.Most,
                DeliveriesOrphanedFiveTimes = orphaned.AtLeast(5),
                Resends = traffic.Resends,
                Duplicates = traffic.Duplicates,
                Deliveries = deliveries,
                Drained = drained,
                DrainSeconds = drainSeconds,
                RunSeconds = clock.Elapsed.TotalSeconds,
                Checks = checks,
                Findings = findings,
            };
        }
        finally
        {
            await stopTaking.CancelAsync();
            await abort.CancelAsync();
            await sending.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until no channel has a delivery waiting and each has as many finished as messages were accepted.</summary>
    private static async Task<(bool Drained, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Deliveries)> DrainAsync(HttpClient http, Uri service, int accepted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = await DeliveriesAsync(http, service, cancellationToken);
            var finished = KillStores.Channels.All(channel => deliveries.GetValueOrDefault(channel) is { } counts
                && Waiting.Sum(s => counts.GetValueOrDefault(s)) == 0
                && counts.Values.Sum() >= accepted);
            if (finished || clock.Elapsed > timeout)
            {
                return (finished, deliveries);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<long> CountAsync(HttpClient http, Uri service, string status, CancellationToken cancellationToken)
    {
        try
        {
            return (await DeliveriesAsync(http, service, cancellationToken)).Values.Sum(c => c.GetValueOrDefault(status));
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>GET /status/deliveries: each channel's deliveries by status.</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>> DeliveriesAsync(HttpClient http, Uri service, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await BenchMonitoring.GetStringAsync(http, new Uri(service, "/status/deliveries"), cancellationToken));
        return document.RootElement.GetProperty("channels").EnumerateObject().ToDictionary(
            c => c.Name,
            c => (IReadOnlyDictionary<string, long>)c.Value.EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetInt64(), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
