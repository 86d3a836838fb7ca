using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Core.Messages;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// <c>reconcile --url ... --pid N --skus 100000</c>: the ERP's stock for N SKUs is sent over SOAP (250 items a message)
/// and delivered to one channel; then a share of the store's levels is changed behind the bridge's back, and a
/// reconciliation of that channel is started over SOAP and followed to the end. Reports the run's time, the counts it
/// found, and the bridge process's memory (resident set sampled during the run, against the level before it).
/// </summary>
internal sealed class ReconcileCommand
{
    private const string Inventory = XmlNamespaces.Inventory;
    private static readonly XNamespace Rec = XmlNamespaces.Reconciliation;

    public async Task<int> RunAsync(ArgumentReader reader)
    {
        var url = LoopbackUrl.Parse(reader.Required("url"));
        var pid = reader.Int("pid", 0, 0, int.MaxValue);
        var skus = reader.Int("skus", 100_000, 1, 1_000_000);
        var channel = reader.String("channel", "bigcommerce-demo");
        var location = reader.String("location", "WH01");
        var sandbox = LoopbackUrl.Parse(reader.String("sandbox", "http://127.0.0.1:5092/"));
        var driftEvery = reader.Int("drift-every", 100, 1, 1_000_000);
        var timeout = TimeSpan.FromSeconds(reader.Int("timeout", 1800, 10, 7200));
        var user = reader.String("user", "demo-erp");
        var password = reader.String("password", "demo-erp-password");
        reader.RejectUnknown();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var clock = Stopwatch.StartNew();
        const int perMessage = 250;
        var run = Guid.NewGuid().ToString("N")[..8];
        var messages = (skus + perMessage - 1) / perMessage;
        var sentAt = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
        {
            var items = new StringBuilder();
            for (var i = m * perMessage; i < Math.Min(skus, (m + 1) * perMessage); i++)
            {
                items.Append(CultureInfo.InvariantCulture, $"<inv:Item><inv:Sku>MAT-{100000 + i}</inv:Sku><inv:Location>{location}</inv:Location><inv:Quantity>{Quantity(i)}</inv:Quantity></inv:Item>");
            }

            var body = $"<inv:SubmitInventory xmlns:inv=\"{Inventory}\"><inv:MessageId>RB-{run}-{m:D6}</inv:MessageId><inv:SentAt>{sentAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</inv:SentAt><inv:SourceSystem>SAP-ECC</inv:SourceSystem><inv:Items>{items}</inv:Items></inv:SubmitInventory>";
            var response = await BenchSoap.PostAsync(http, url, "SubmitInventory", body, ct);
            if (!response.Contains("Accepted", StringComparison.Ordinal))
            {
                throw new IOException($"message {m} not accepted: {response[..Math.Min(400, response.Length)]}");
            }
        });
        Console.WriteLine(Invariant($"{messages} stock messages ({skus} SKUs at {location}) accepted in {clock.Elapsed.TotalSeconds:0.0} s; waiting for delivery to {channel}"));

        var channels = new HashSet<string>(StringComparer.Ordinal) { channel };
        DeliverySample sample;
        do
        {
            await Task.Delay(1000);
            sample = DeliverySample.Parse(clock.Elapsed.TotalSeconds, await BenchMonitoring.GetStringAsync(http, new Uri(url, "/status/deliveries")), channels);
        }
        while (sample.Backlog > 0 && clock.Elapsed < timeout);
        Console.WriteLine(Invariant($"delivered in {clock.Elapsed.TotalSeconds:0.0} s ({sample.Failed} failed)"));

        // Behind the bridge's back: every driftEvery-th level changed on the store.
        var drifted = Enumerable.Range(0, skus).Where(i => i % driftEvery == 0).ToList();
        var levels = string.Join(',', drifted.Select(i => Invariant($"{{\"sku\":\"MAT-{100000 + i}\",\"location\":\"{location}\",\"quantity\":{Quantity(i) + 1}}}")));
        using (var stock = await http.PostAsync(new Uri(sandbox, "_sandbox/stock"), new StringContent($"{{\"levels\":[{levels}]}}", Encoding.UTF8, "application/json")))
        {
            stock.EnsureSuccessStatusCode();
        }

        var refusedBefore = await RefusedAsync(http, sandbox);
        var baseline = ResidentBytes(pid);
        var started = await BenchSoap.PostAsync(http, url, "StartReconciliation", $"<rec:StartReconciliation xmlns:rec=\"{Rec.NamespaceName}\"><rec:Channel>{channel}</rec:Channel></rec:StartReconciliation>", CancellationToken.None);
        var runId = (long)XDocument.Parse(started).Descendants(Rec + "RunId").Single();
        var runClock = Stopwatch.StartNew();
        var peak = baseline;
        XElement report;
        while (true)
        {
            await Task.Delay(200);
            peak = Math.Max(peak, ResidentBytes(pid));
            var answer = await BenchSoap.PostAsync(http, url, "GetReconciliationReport", $"<rec:GetReconciliationReport xmlns:rec=\"{Rec.NamespaceName}\"><rec:RunId>{runId}</rec:RunId><rec:MaxFindings>0</rec:MaxFindings></rec:GetReconciliationReport>", CancellationToken.None);
            report = XDocument.Parse(answer).Descendants(Rec + "Run").Single();
            if ((string?)report.Element(Rec + "Status") != "Running" || runClock.Elapsed > timeout)
            {
                break;
            }
        }

        var runStarted = DateTimeOffset.Parse((string)report.Element(Rec + "StartedAt")!, CultureInfo.InvariantCulture);
        var finished = (string?)report.Element(Rec + "FinishedAt") is { } f ? DateTimeOffset.Parse(f, CultureInfo.InvariantCulture) : TimeProvider.System.GetUtcNow();
        Console.WriteLine();
        Console.WriteLine(Invariant($"== reconciliation {runId} of {channel}: {(string?)report.Element(Rec + "Status")} =="));
        Console.WriteLine(Invariant($"time          {(finished - runStarted).TotalSeconds:0.0} s (run's own start to finish); {(long)report.Element(Rec + "LevelsRead")!} store levels in {(int)report.Element(Rec + "PagesRead")!} pages"));
        foreach (var count in report.Element(Rec + "Counts")!.Elements(Rec + "Count"))
        {
            Console.WriteLine(Invariant($"{(string)count.Element(Rec + "Class")!,-13} {(long)count.Element(Rec + "Number")!}"));
        }

        Console.WriteLine(Invariant($"expected      Drift {drifted.Count}, Match {skus - drifted.Count}"));
        Console.WriteLine(Invariant($"refused       {await RefusedAsync(http, sandbox) - refusedBefore} requests refused by the sandbox's rate limit during the run"));
        if (pid > 0)
        {
            Console.WriteLine(Invariant($"memory        bridge process resident {baseline / 1048576.0:0} MB before the run, peak {peak / 1048576.0:0} MB during it (+{(peak - baseline) / 1048576.0:0} MB); the sandboxes run in a process of their own"));
        }

        return (string?)report.Element(Rec + "Status") == "Completed" ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>How many requests the sandbox has refused for its rate limit so far (its /_sandbox/stats).</summary>
    private static async Task<long> RefusedAsync(HttpClient http, Uri sandbox)
    {
        using var stats = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox, "_sandbox/stats")));
        return stats.RootElement.TryGetProperty("rate_limited", out var refused) ? refused.GetInt64() : 0;
    }

    private static int Quantity(int i) => 5 + (i * 37 % 95);

    /// <summary>The process's resident set (VmRSS) from /proc; 0 where that cannot be read.</summary>
    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
