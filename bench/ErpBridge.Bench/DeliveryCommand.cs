using System.Diagnostics;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// <c>delivery --url ...</c>: end to end. Loads SubmitInventory like <c>load</c> while sampling the bridge's
/// /status/deliveries every second, then keeps sampling until the backlog is delivered (or --drain seconds pass).
/// Reports accepted/s and messages delivered/s (to every channel the route names) in the measured window.
/// </summary>
internal sealed class DeliveryCommand(TimeProvider time)
{
    public async Task<int> RunAsync(ArgumentReader reader)
    {
        var settings = LoadSettings.Read(reader, reader.String("label", "delivery"), runs: 1);
        var drain = TimeSpan.FromSeconds(reader.Int("drain", 120, 0, 300));
        var channels = reader.Optional("channels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        reader.RejectUnknown();
        var statusUrl = new Uri(settings.Url, "/status/deliveries");

        using var signal = new ShutdownSignal(LoadSettings.MaxRunTime, time);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var samples = new List<DeliverySample>();
        async Task<DeliverySample> SampleAsync()
        {
            var sample = DeliverySample.Parse(clock.Elapsed.TotalSeconds, await BenchMonitoring.GetStringAsync(http, statusUrl, signal.Token), channels);
            lock (samples)
            {
                samples.Add(sample);
            }

            return sample;
        }

        var baseline = await SampleAsync();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(signal.Token);
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                await Task.Delay(1000, stopSampling.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!stopSampling.IsCancellationRequested)
                {
                    await SampleAsync();
                }
            }
        });

        var windowStart = settings.Warmup.TotalSeconds;
        var load = await new LoadRunner(settings, time).RunAsync(signal.Token);
        var windowEnd = clock.Elapsed.TotalSeconds;
        await stopSampling.CancelAsync();
        await sampler;
        var atWindowEnd = await SampleAsync();

        var drained = atWindowEnd;
        var drainClock = Stopwatch.StartNew();
        while (drained.Backlog > 0 && drainClock.Elapsed < drain && !signal.Token.IsCancellationRequested)
        {
            await Task.Delay(500, signal.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            drained = await SampleAsync();
        }

        SummaryPrinter.Print(load, Console.Out);
        var atWindowStart = samples.Where(s => s.Seconds <= windowStart).DefaultIfEmpty(baseline).Last();
        var windowSeconds = windowEnd - atWindowStart.Seconds;
        var inWindow = atWindowEnd.DeliveredMessages - atWindowStart.DeliveredMessages;
        var total = drained.DeliveredMessages - baseline.DeliveredMessages;
        var totalSeconds = drained.Seconds - baseline.Seconds;
        Console.WriteLine();
        Console.WriteLine(Invariant($"delivered (to every channel)  {inWindow} messages in the {windowSeconds:0.0} s window = {inWindow / windowSeconds:0.00} messages/s"));
        Console.WriteLine(Invariant($"backlog at window end         {atWindowEnd.Backlog} deliveries"));
        Console.WriteLine(Invariant($"drained                       {(drained.Backlog == 0 ? "yes" : "no")}, {total} messages delivered in {totalSeconds:0.0} s from the start = {total / totalSeconds:0.00} messages/s overall"));
        Console.WriteLine(Invariant($"failed deliveries             {drained.Failed - baseline.Failed}; superseded {drained.Superseded - baseline.Superseded}"));
        Console.WriteLine("per-second delivered messages: " + string.Join(' ', samples.Zip(samples.Skip(1)).Select(p => Invariant($"{p.Second.DeliveredMessages - p.First.DeliveredMessages}"))));
        LoadCommand.ReportStop(signal);
        return load.Failed() || drained.Failed > baseline.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }
}
