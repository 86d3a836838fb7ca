namespace ErpBridge.Bench;

/// <summary>Runs a fixed-concurrency load: N workers, warm-up, then a measured window.</summary>
internal sealed class LoadRunner(LoadSettings settings, TimeProvider time)
{
    private const int MaxErrorSamples = 3;
    private const int AssumedPeakRequestsPerSecond = 50_000;

    public async Task<LoadSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var client = BenchHttpClient.Create(settings.Concurrency);
        var errors = new ErrorSamples(MaxErrorSamples);
        var schedule = LoadSchedule.StartNow(time, settings.Warmup, settings.Duration);
        var context = new LoadContext([.. settings.Nodes.Select(url => CreateSender(client, url))], schedule, errors, NewRunId(), ExpectedRequestsPerWorker());
        var workers = Enumerable.Range(0, settings.Concurrency).Select(id => new LoadWorker(id, context)).ToArray();
        await Task.WhenAll(workers.Select(worker => Task.Run(() => worker.RunAsync(cancellationToken), CancellationToken.None)));
        return LoadSummary.Create(settings, [.. workers.Select(worker => worker.Recorder)], schedule.MeasuredSoFar(), errors.Snapshot());
    }

    private SoapSender CreateSender(HttpClient client, Uri url) =>
        new(client, url, new SoapRequestTemplate(settings.User, settings.Password, settings.Operation, settings.Orders), time);

    private int ExpectedRequestsPerWorker()
    {
        var total = settings.Duration.TotalSeconds * AssumedPeakRequestsPerSecond / settings.Concurrency;
        return (int)Math.Clamp(total, 1024, 1 << 20);
    }

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..8];
}
