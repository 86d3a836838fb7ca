using ErpBridge.Core.Intake;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ErpBridge.Host.Health;

/// <summary>Ready only while the database answers a ping within <see cref="Timeout"/>.</summary>
public sealed class DatabaseHealthCheck(IMessageStore store) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy("reachable");
        }
#pragma warning disable CA1031 // Any failure to reach the database is what this check reports (the exception goes to the log, not the body).
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("unreachable", ex);
        }
    }
}
