using System.Diagnostics;
using System.Text.Json;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// <c>ratelimit --url ... --messages 1000</c>: a burst of stock messages against a bridge whose sandboxes enforce
/// rate limits. Samples the sandboxes' /_sandbox/stats every second until the bridge has delivered everything, then
/// reports each platform's request rate against its allowed rate and how many requests it refused (429 / THROTTLED).
/// </summary>
internal sealed class RateLimitCommand(TimeProvider time)
{
    public async Task<int> RunAsync(ArgumentReader reader)
    {
        var url = LoopbackUrl.Parse(reader.Required("url"));
        var messages = reader.Int("messages", 1000, 1, 1_000_000);
        var concurrency = reader.Int("concurrency", 16, 1, 256);
        var timeout = TimeSpan.FromSeconds(reader.Int("timeout", 300, 10, 600));
        var shopify = new Uri(LoopbackUrl.Parse(reader.String("shopify", "http://127.0.0.1:5091/")), "_sandbox/stats");
        var bigCommerce = new Uri(LoopbackUrl.Parse(reader.String("bigcommerce", "http://127.0.0.1:5092/")), "_sandbox/stats");
        var user = reader.String("user", "demo-erp");
        var password = reader.String("password", "demo-erp-password");
        reader.RejectUnknown();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var client = BenchHttpClient.Create(concurrency);
        var sender = new SoapSender(client, url, new SoapRequestTemplate(user, password), time);
        var clock = Stopwatch.StartNew();
        var samples = new List<(double At, JsonElement Shopify, JsonElement BigCommerce, DeliverySample Bridge)>();
        async Task SampleAsync()
        {
            var s = JsonDocument.Parse(await http.GetStringAsync(shopify)).RootElement.Clone();
            var b = JsonDocument.Parse(await http.GetStringAsync(bigCommerce)).RootElement.Clone();
            var d = DeliverySample.Parse(clock.Elapsed.TotalSeconds, await BenchMonitoring.GetStringAsync(http, new Uri(url, "/status/deliveries")), null);
            samples.Add((clock.Elapsed.TotalSeconds, s, b, d));
        }

        await SampleAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = -1;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < messages)
            {
                var outcome = await sender.SendAsync($"RL-{run}-{n:D7}", CancellationToken.None);
                if (!outcome.Accepted)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        var sent = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"sent {messages} stock messages in {sent:0.0} s ({refused} not accepted); waiting for delivery"));

        do
        {
            await Task.Delay(1000);
            await SampleAsync();
        }
        while (samples[^1].Bridge.Backlog > 0 && clock.Elapsed < timeout);

        var first = samples[0];
        var last = samples[^1];
        Report("shopify", samples.Select(s => (s.At, Requests: s.Shopify.GetProperty("requests").GetInt64(), Refused: s.Shopify.GetProperty("throttled").GetInt64(), Points: s.Shopify.GetProperty("pointsCharged").GetInt64())).ToList(),
            Invariant($"restore rate {last.Shopify.GetProperty("rateLimit").GetProperty("restoreRate").GetDouble():0} points/s, bucket {last.Shopify.GetProperty("rateLimit").GetProperty("bucketSize").GetDouble():0}"),
            last.Shopify.GetProperty("rateLimit").GetProperty("restoreRate").GetDouble(), usePoints: true, bucket: last.Shopify.GetProperty("rateLimit").GetProperty("bucketSize").GetDouble());
        var quota = last.BigCommerce.GetProperty("rate_limit").GetProperty("quota").GetDouble();
        var windowMs = last.BigCommerce.GetProperty("rate_limit").GetProperty("window_ms").GetDouble();
        Report("bigcommerce", samples.Select(s => (s.At, Requests: s.BigCommerce.GetProperty("requests").GetInt64(), Refused: s.BigCommerce.GetProperty("rate_limited").GetInt64(), Points: s.BigCommerce.GetProperty("requests").GetInt64())).ToList(),
            Invariant($"quota {quota:0} requests per {windowMs:0} ms"), quota * 1000 / windowMs, usePoints: false, bucket: 0);
        Console.WriteLine(Invariant($"bridge: {last.Bridge.DeliveredMessages - first.Bridge.DeliveredMessages} messages delivered to every channel, {last.Bridge.Failed - first.Bridge.Failed} failed deliveries, backlog {last.Bridge.Backlog}, {clock.Elapsed.TotalSeconds:0.0} s in all"));
        return last.Bridge.Backlog == 0 && last.Bridge.Failed == first.Bridge.Failed ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Rate over the busy period (first to last second with new requests) against the allowed rate.</summary>
    private static void Report(string name, List<(double At, long Requests, long Refused, long Points)> series, string limit, double allowed, bool usePoints, double bucket)
    {
        var busy = series.Zip(series.Skip(1)).Where(p => p.Second.Requests > p.First.Requests).ToList();
        Console.WriteLine();
        Console.WriteLine($"== {name} ({limit}) ==");
        if (busy.Count == 0)
        {
            Console.WriteLine("no requests");
            return;
        }

        var start = busy[0].First;
        var end = busy[^1].Second;
        var seconds = end.At - start.At;
        var requests = end.Requests - start.Requests;
        var refused = series[^1].Refused - series[0].Refused;
        var used = end.Points - start.Points;

        // A full bucket lets a burst above the restore rate at first; the sustained rate is what came after it.
        var sustained = (used - bucket) / seconds;
        Console.WriteLine(Invariant($"requests     {requests} in {seconds:0.0} s = {requests / seconds:0.0}/s"));
        Console.WriteLine(Invariant($"refused      {refused} (429 / THROTTLED)"));
        Console.WriteLine(usePoints
            ? Invariant($"points       {used} charged = {used / seconds:0.0}/s; beyond the initial bucket {sustained:0.0}/s = {100 * sustained / allowed:0.0}% of the restore rate")
            : Invariant($"allowed      {allowed:0.0}/s; used {100 * requests / seconds / allowed:0.0}% of it"));
        Console.WriteLine("per second   " + string.Join(' ', series.Zip(series.Skip(1)).Select(p => Invariant($"{p.Second.Requests - p.First.Requests}"))));
    }
}
