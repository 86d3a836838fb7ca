using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Orders.Audits;

public static class IdocAuditServiceCollectionExtensions
{
    /// <summary>ALE audits back to SAP, on the Quartz scheduler and the ERP endpoints <c>AddErpBridgeOrders</c> set up.</summary>
    public static IServiceCollection AddErpBridgeIdocAudits(this IServiceCollection services, IdocAuditOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IdocAuditRunner>();
        services.AddHostedService<IdocAuditScheduler>();
        return services;
    }
}
