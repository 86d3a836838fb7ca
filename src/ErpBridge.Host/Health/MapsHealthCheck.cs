using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ErpBridge.Host.Health;

/// <summary>
/// Every map under the maps folder compiles. A map with no version that ever compiled makes the bridge not ready (each
/// message it maps would fail); a broken edit of a map whose last good version keeps running is Degraded, reported but
/// still ready. The engine caches compiled maps and rechecks a file only when it changes, so a probe costs a look at
/// each file's time stamp.
/// </summary>
public sealed class MapsHealthCheck(XsltMapEngine maps) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = maps.LoadAll();
        var broken = statuses.Where(s => s.LastError is not null)
            .ToDictionary(s => s.Name, s => (object)s.LastError!, StringComparer.Ordinal);
        var result = statuses.Count == 0
            ? HealthCheckResult.Unhealthy($"no map in '{maps.Root}'")
            : statuses.Any(s => s.LoadedAt is null)
                ? HealthCheckResult.Unhealthy($"{broken.Count} of {statuses.Count} maps do not load", data: broken)
                : broken.Count > 0
                    ? HealthCheckResult.Degraded($"{broken.Count} of {statuses.Count} maps run their last good version; the file does not load", data: broken)
                    : HealthCheckResult.Healthy($"{statuses.Count} maps loaded");
        return Task.FromResult(result);
    }
}
