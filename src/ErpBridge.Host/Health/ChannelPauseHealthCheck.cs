using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ErpBridge.Host.Health;

/// <summary>
/// Not ready while a store refuses a channel's credentials (a pause <see cref="PauseKind.Credentials"/>): nothing
/// reaches that store until someone renews them. An operator's pause is deliberate and leaves the bridge ready; it is
/// listed in the data.
/// </summary>
public sealed class ChannelPauseHealthCheck(IDeliveryStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pauses = await store.ListPausesAsync(cancellationToken);
        var data = pauses.ToDictionary(p => p.Channel, p => (object)$"{p.By}: {p.Reason}", StringComparer.Ordinal);
        var refused = pauses.Where(p => p.By == PauseKind.Credentials).Select(p => p.Channel).Order(StringComparer.Ordinal).ToList();
        return refused.Count == 0
            ? HealthCheckResult.Healthy(pauses.Count == 0 ? "no channel paused" : $"{pauses.Count} paused by an operator", data)
            : HealthCheckResult.Unhealthy($"paused, the store refused the credentials: {string.Join(", ", refused)}", data: data);
    }
}
