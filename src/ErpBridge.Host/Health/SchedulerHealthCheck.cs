using ErpBridge.Core.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ErpBridge.Host.Health;

/// <summary>
/// Ready only while both Quartz schedulers run: the delivery scheduler and the <see cref="ClusterScheduler"/> (order
/// polls and pushes, reconciliation, audits, the purge). Schedulers are only listed, never created: a probe before
/// start or after stop finds none.
/// </summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, SchedulerStatus>(StringComparer.Ordinal);
        foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
        {
            states[scheduler.SchedulerName] = await scheduler.GetStatus(cancellationToken);
        }

        var data = states.ToDictionary(s => s.Key, s => (object)s.Value.ToString(), StringComparer.Ordinal);
        if (!states.ContainsKey(ClusterScheduler.Name) || states.Count < 2)
        {
            return HealthCheckResult.Unhealthy("no scheduler is running", data: data);
        }

        var stopped = states.Where(s => s.Value != SchedulerStatus.Running).Select(s => s.Key).ToList();
        return stopped.Count == 0
            ? HealthCheckResult.Healthy("started", data)
            : HealthCheckResult.Unhealthy($"not running: {string.Join(", ", stopped)}", data: data);
    }
}
