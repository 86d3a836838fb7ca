using ErpBridge.Core.Security;
using ErpBridge.Host.Monitoring;

namespace ErpBridge.Host;

/// <summary>
/// GET /status/authentication: what authentication has cost and refused since the start (key derivations, failures,
/// throttled refusals), so that an operator sees a password-guessing flood. Counts only; for the users of
/// <see cref="MonitoringPolicy"/> (a signed-in operator or a metrics token).
/// </summary>
public static class AuthenticationStatusEndpoint
{
    public static void MapAuthenticationStatus(this WebApplication app) => app.MapGet("/status/authentication", (AuthenticationCounters counters, TimeProvider time) =>
        Results.Json(new { at = time.GetUtcNow(), keyDerivations = counters.KeyDerivations, failures = counters.Failures, throttled = counters.Throttled }))
        .RequireAuthorization(MonitoringPolicy.Name);
}
