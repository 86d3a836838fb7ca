using ErpBridge.Connectors.Api2Cart;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Connectors.Http;
using ErpBridge.Connectors.Magento;
using ErpBridge.Connectors.ShipStation;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Connectors.ZohoInventory;
using ErpBridge.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The four platforms' connector factories with their validated settings, and the registry that makes each channel's connector once.</summary>
    public static IServiceCollection AddErpBridgeConnectors(this IServiceCollection services, ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton<IChannelConnectorFactory>(sp => new ShopifyConnectorFactory(Measured(settings.Shopify, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new BigCommerceConnectorFactory(Measured(settings.BigCommerce, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new WooCommerceConnectorFactory(Measured(settings.WooCommerce, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new MagentoConnectorFactory(Measured(settings.Magento, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new Api2CartConnectorFactory(Measured(settings.Api2Cart, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new ZohoInventoryConnectorFactory(Measured(settings.ZohoInventory, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new ShipStationConnectorFactory(Measured(settings.ShipStation, sp), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ConnectorRegistry>();
        return services;
    }

    /// <summary>The options with the host's metrics, where it has them.</summary>
    private static T Measured<T>(T options, IServiceProvider services)
        where T : ConnectorOptions
    {
        options.Metrics ??= services.GetService<BridgeMetrics>();
        return options;
    }
}
