namespace ErpBridge.Bench;

/// <summary>Sends one request after another until the schedule ends or the run is cancelled.</summary>
internal sealed class LoadWorker(int id, LoadContext context)
{
    public WorkerRecorder Recorder { get; } = new(context.ExpectedRequestsPerWorker);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = context.Schedule.Time;
        var sender = context.Senders[id % context.Senders.Count];
        for (long sequence = 0; !cancellationToken.IsCancellationRequested; sequence++)
        {
            var started = time.GetTimestamp();
            if (context.Schedule.IsOver(started))
            {
                return;
            }

            RequestOutcome outcome;
            try
            {
                outcome = await sender.SendAsync($"bench-{context.RunId}-{id}-{sequence}", cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Record(time.GetElapsedTime(started), started, outcome);
        }
    }

    private void Record(TimeSpan latency, long started, RequestOutcome outcome)
    {
        if (!context.Schedule.IsCounted(started))
        {
            return;
        }

        Recorder.Record(latency, outcome);
        if (outcome.Error is { } error)
        {
            context.Errors.Offer(error);
        }
    }
}
