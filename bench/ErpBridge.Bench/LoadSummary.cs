namespace ErpBridge.Bench;

/// <summary>The result of one load run, as printed and written to JSON.</summary>
internal sealed record LoadSummary(
    string Label,
    string Operation,
    string Url,
    int Concurrency,
    double WarmupSeconds,
    double DurationSeconds,
    long Requests,
    long Accepted,
    long Errors,
    double AcceptedPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    bool StoppedEarly,
    IReadOnlyList<ErrorSample> ErrorSamples)
{
    private const double MaxErrorRate = 0.01;

    public static LoadSummary Create(LoadSettings settings, IReadOnlyList<WorkerRecorder> recorders, TimeSpan measured, IReadOnlyList<ErrorSample> errorSamples)
    {
        var accepted = recorders.Sum(recorder => recorder.Accepted);
        var errors = recorders.Sum(recorder => recorder.Errors);
        var latency = LatencyPercentiles.From(recorders.Select(recorder => recorder.LatenciesMicroseconds));
        var seconds = measured.TotalSeconds;
        return new LoadSummary(
            settings.Label,
            settings.Operation.ToString(),
            string.Join(" ", settings.Nodes),
            settings.Concurrency,
            settings.Warmup.TotalSeconds,
            Math.Round(seconds, 2),
            accepted + errors,
            accepted,
            errors,
            seconds > 0 ? Math.Round(accepted / seconds, 2) : 0,
            latency.P50Ms,
            latency.P90Ms,
            latency.P99Ms,
            latency.MaxMs,
            measured < settings.Duration,
            errorSamples);
    }

    /// <summary>True when nothing was accepted or more than 1% of the counted requests failed.</summary>
    public bool Failed() => Accepted == 0 || Errors > Requests * MaxErrorRate;
}
