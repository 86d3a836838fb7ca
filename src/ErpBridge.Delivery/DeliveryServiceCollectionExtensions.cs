using ErpBridge.Core.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ErpBridge.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The delivery pipeline on Quartz (in-memory job store: the schedules are rebuilt from configuration at start).</summary>
    public static IServiceCollection AddErpBridgeDelivery(this IServiceCollection services, DeliveryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IMessageMaps, XsltMessageMaps>();
        services.AddSingleton<ConnectorRegistry>();
        services.AddSingleton<ChannelDeliveryRunner>();
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
