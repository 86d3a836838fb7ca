namespace ErpBridge.Host.Alerts;

/// <summary>
/// The background loop of alerts: every SendInterval it writes the dead letters counted (see
/// <see cref="DeadLetterAlerts"/>) and sends what is due; every CheckInterval it runs the checks. A failure is logged
/// and the loop goes on: alerts never stop the bridge. On shutdown the dead letters counted are written.
/// </summary>
public sealed class AlertService(DeadLetterAlerts deadLetters, AlertChecks checks, AlertSender sender, AlertOptions options, TimeProvider time, ILogger<AlertService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextCheck = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextCheck)
                {
                    nextCheck = time.GetUtcNow() + options.CheckInterval;
                    await GuardAsync("checking pauses, order polling and reconciliation", () => checks.RunAsync(stoppingToken));
                }

                await GuardAsync("writing dead-letter alerts", () => deadLetters.FlushAsync(all: false, stoppingToken));
                await GuardAsync("sending alerts", () => sender.SendDueAsync(stoppingToken));
                await Task.Delay(options.SendInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await GuardAsync("writing dead-letter alerts at shutdown", () => deadLetters.FlushAsync(all: true, cancellationToken));
    }

    private async Task GuardAsync(string what, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Alerts: {What} failed; trying again later", what);
        }
    }
}
