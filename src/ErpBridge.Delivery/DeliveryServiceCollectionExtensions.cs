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
    /// <param name="channels">How many channels are configured: every job of every channel gets a slot of its own.</param>
    public static IServiceCollection AddErpBridgeDelivery(this IServiceCollection services, DeliveryOptions options, int channels)
    {
        services.AddSingleton(options);
        services.AddSingleton<CanonicalReader>();
        services.AddSingleton(_ => new MapThreads(options.MapThreadsPerChannel));
        services.AddSingleton(sp => new DeliveryPipeline(
            sp.GetRequiredService<IMessageMaps>(),
            options.Backoff(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeliveryPipeline>>(),
            sp.GetRequiredService<MapThreads>(),
            options.MessageBudget));
        services.AddSingleton<DeliveryRound>();
        services.AddSingleton<DeliveryWakeup>();
        services.AddSingleton<IAcceptObserver>(sp => sp.GetRequiredService<DeliveryWakeup>());
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = SchedulerSlots(channels));
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddHostedService<DeliveryScheduler>();
        return services;
    }

    /// <summary>
    /// Quartz's concurrency: a slot for every job there can be (per channel a delivery, an order poll, an order push
    /// and a reconciliation job, none of which runs twice at once) and a few to spare, so that a busy channel never
    /// keeps another channel's delivery, a poll or a reconciliation waiting for a slot. The jobs await their I/O and
    /// maps run on threads of their own (<see cref="MapThreads"/>), so the slots cost no threads while they wait.
    /// </summary>
    public static int SchedulerSlots(int channels) => Math.Max(4, Environment.ProcessorCount * 2) + (4 * Math.Max(channels, 0));
}
