using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ErpBridge.Host.Health;

/// <summary>
/// The probes of a service manager or load balancer: GET /health/live (the process answers; no check) and
/// GET /health/ready (database, schedulers, maps, no channel paused for refused credentials), 200 or 503 with a JSON
/// body naming each check. Open to anyone, like /health: they say whether, never what.
/// </summary>
public static class HealthProbes
{
    /// <summary>The tag of the checks /health/ready runs.</summary>
    public const string Ready = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The checks behind /health/ready.</summary>
    public static IServiceCollection AddErpBridgeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready])
            .AddCheck<MapsHealthCheck>("maps", tags: [Ready])
            .AddCheck<ChannelPauseHealthCheck>("channels", tags: [Ready]);
        return services;
    }

    /// <summary>Maps /health/live and /health/ready; /health itself stays as it was.</summary>
    public static void MapHealthProbes(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    /// <summary>{"status":"Unhealthy","checks":{"channels":{"status":"Unhealthy","description":"...","data":{...}}}}.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data.Count == 0 ? null : entry.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
