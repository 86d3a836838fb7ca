using ErpBridge.Core.Security;

namespace ErpBridge.Host;

/// <summary>
/// GET /status/authentication: what authentication has cost and refused since the start (key derivations, failures,
/// throttled refusals), so that an operator sees a password-guessing flood. Counts only; unauthenticated like /health.
/// </summary>
public static class AuthenticationStatusEndpoint
{
    public static void MapAuthenticationStatus(this WebApplication app) => app.MapGet("/status/authentication", (AuthenticationCounters counters, TimeProvider time) =>
        Results.Json(new { at = time.GetUtcNow(), keyDerivations = counters.KeyDerivations, failures = counters.Failures, throttled = counters.Throttled }));
}
