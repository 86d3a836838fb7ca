using ErpBridge.Core.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>Reconciliation jobs on the Quartz scheduler the delivery pipeline set up.</summary>
    public static IServiceCollection AddErpBridgeReconciliation(this IServiceCollection services, ReconciliationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ReconciliationRunner>();
        services.AddSingleton<ReconciliationScheduler>();
        services.AddSingleton<IReconciliationLauncher>(sp => sp.GetRequiredService<ReconciliationScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<ReconciliationScheduler>());
        return services;
    }
}
