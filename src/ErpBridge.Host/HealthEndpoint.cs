using ErpBridge.Core.Intake;

namespace ErpBridge.Host;

/// <summary>GET /health: 200 when the database answers, 503 when it does not.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/health", async (IMessageStore store, ILoggerFactory loggers, CancellationToken cancellationToken) =>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await store.PingAsync(timeout.Token);
            return Results.Json(new { status = "Healthy", database = "reachable" });
        }
#pragma warning disable CA1031 // Any failure to reach the database is what this endpoint reports.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            loggers.CreateLogger("ErpBridge.Health").LogWarning(ex, "Health check: database unreachable");
            return Results.Json(new { status = "Unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    });
}
