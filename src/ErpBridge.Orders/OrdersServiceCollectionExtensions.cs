using System.Xml.Schema;
using ErpBridge.Core.Orders;
using ErpBridge.ErpPush;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Order polling and pushing, on the Quartz scheduler the delivery pipeline set up.</summary>
    public static IServiceCollection AddErpBridgeOrders(
        this IServiceCollection services, OrdersOptions options, IReadOnlyDictionary<string, ErpEndpointOptions> erpEndpoints, Func<IServiceProvider, XmlSchemaSet> contractSchemas)
    {
        services.AddSingleton(options);
        services.Replace(ServiceDescriptor.Singleton(new OrderFetchSettings(options.VisibilityTimeout, options.MaxFetch)));
        services.AddSingleton(sp => new ErpEndpoints(erpEndpoints, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ErpDocumentBuilder>();
        services.AddSingleton(sp => new CanonicalOrders(contractSchemas(sp)));
        services.AddSingleton<OrderForwarder>();
        services.AddSingleton<OrderPoller>();
        services.AddSingleton<OrderPushWakeup>();
        services.AddSingleton<OrderPushRunner>();
        services.AddHostedService<OrdersScheduler>();
        services.AddSingleton<OrderShipmentLedger>();
        services.AddSingleton<ShipmentPoller>();
        services.AddSingleton<ShipmentScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ShipmentScheduler>());
        return services;
    }
}
