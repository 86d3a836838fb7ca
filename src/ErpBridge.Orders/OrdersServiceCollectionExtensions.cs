using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Order polling and pushing, on the Quartz scheduler the delivery pipeline set up.</summary>
    public static IServiceCollection AddErpBridgeOrders(this IServiceCollection services, OrdersOptions options, Func<IServiceProvider, XmlSchemaSet> contractSchemas)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new CanonicalOrders(contractSchemas(sp)));
        services.AddSingleton<OrderPoller>();
        services.AddSingleton<OrderPushWakeup>();
        services.AddSingleton<OrderPushRunner>();
        services.AddHostedService<OrdersScheduler>();
        return services;
    }
}
