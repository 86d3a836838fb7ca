namespace ErpBridge.Host.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The retention purge on the Quartz scheduler the delivery pipeline set up, over the store's IRetentionStore.</summary>
    public static IServiceCollection AddErpBridgeRetention(this IServiceCollection services, RetentionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<PurgeRunner>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
