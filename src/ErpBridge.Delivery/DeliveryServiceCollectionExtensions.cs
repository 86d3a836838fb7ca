using ErpBridge.Core.Intake;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The delivery pipeline on Quartz (in-memory job store: the schedules are rebuilt from configuration at start).
    /// The maps come from AddXsltMaps.
    /// </summary>
    public static IServiceCollection AddErpBridgeDelivery(this IServiceCollection services, DeliveryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<CanonicalReader>();
        services.AddSingleton(sp => new DeliveryPipeline(
            sp.GetRequiredService<IMessageMaps>(), options.Backoff(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DeliveryPipeline>>()));
        services.AddSingleton<DeliveryRound>();
        services.AddSingleton<DeliveryWakeup>();
        services.AddSingleton<IAcceptObserver>(sp => sp.GetRequiredService<DeliveryWakeup>());
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(4, Environment.ProcessorCount * 2));
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddHostedService<DeliveryScheduler>();
        return services;
    }
}
