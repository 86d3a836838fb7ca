using ErpBridge.Core.Metrics;
using Microsoft.AspNetCore.Authentication;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ErpBridge.Host.Monitoring;

/// <summary>
/// Metrics (OpenTelemetry, exported for Prometheus at /metrics), the metrics-token authentication scheme and the
/// <see cref="MonitoringPolicy"/> that guards /metrics and /status/*.
/// </summary>
public static class MonitoringServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddErpBridgeMonitoring(this IServiceCollection services, MonitoringOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IChannelGauges, ChannelGauges>();
        services.AddSingleton<BridgeMetrics>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MetricsTokenHandler>(MetricsTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(MonitoringPolicy.Name, policy => policy
            .AddAuthenticationSchemes([.. MonitoringPolicy.Schemes])
            .RequireAuthenticatedUser());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("erpbridge"))
            .WithMetrics(metrics => metrics
            .AddMeter(MetricNames.Meter)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>GET /metrics, for the monitoring policy's users only.</summary>
    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MonitoringPolicy.Name);
}
