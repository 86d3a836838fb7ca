using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Registers the one <see cref="XsltMapEngine"/> a process should have (its cache and file watcher are shared), and the
/// <see cref="IMessageMaps"/> over it.
/// </summary>
public static class MapsServiceCollectionExtensions
{
    public static IServiceCollection AddXsltMaps(this IServiceCollection services, Action<XsltMapEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new XsltMapEngineOptions();
        configure?.Invoke(options);
        services.AddSingleton(provider => new XsltMapEngine(
            options,
            provider.GetService<ILogger<XsltMapEngine>>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ErpBridge.Core.Metrics.BridgeMetrics>()));
        services.TryAddSingleton<IMessageMaps, XsltMessageMaps>();
        services.TryAddSingleton<ErpBridge.Core.Intake.IDocumentMapper, DocumentMapper>();
        return services;
    }
}
