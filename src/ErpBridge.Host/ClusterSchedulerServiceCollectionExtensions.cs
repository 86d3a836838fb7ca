using ErpBridge.Core.Scheduling;
using ErpBridge.Delivery;
using ErpBridge.Storage;
using Quartz;

namespace ErpBridge.Host;

public static class ClusterSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="ClusterScheduler"/>: on PostgreSQL and SQL Server Quartz's persistent job store, clustered, in
    /// the bridge's own database (its tables come with the bridge's migrations, and Quartz checks them at start); on
    /// SQLite the in-memory store.
    /// </summary>
    public static IServiceCollection AddErpBridgeClusterScheduler(this IServiceCollection services, StorageOptions storage, int channels)
    {
        services.AddQuartz(ClusterScheduler.Name, q =>
        {
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = DeliveryServiceCollectionExtensions.SchedulerSlots(channels));
            switch (storage.Provider)
            {
                case StorageOptions.PostgreSql:
                    q.UsePersistentStore(store => Clustered(store).UsePostgres(storage.ConnectionString));
                    break;
                case StorageOptions.SqlServer:
                    q.UsePersistentStore(store => Clustered(store).UseSqlServer(storage.ConnectionString));
                    break;
                default:
                    q.UseInMemoryStore();
                    break;
            }
        });
        services.AddQuartzHostedService(ClusterScheduler.Name, q => q.WaitForJobsToComplete = true);
        return services;
    }

    private static IPersistentStoreBuilder Clustered(IPersistentStoreBuilder store) =>
        store
            .ConfigureStore(options => options.TablePrefix = ClusterScheduler.TablePrefix)
            .UseClustering(clustering =>
            {
                // A node that stops checking in for this long is taken for dead: its recoverable jobs run elsewhere.
                clustering.CheckinInterval = TimeSpan.FromSeconds(7);
                clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
            });
}
