using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Connectors.Magento;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Connectors.WooCommerce;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The four platforms' connector factories with their validated settings, and the registry that makes each channel's connector once.</summary>
    public static IServiceCollection AddErpBridgeConnectors(this IServiceCollection services, ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton<IChannelConnectorFactory>(sp => new ShopifyConnectorFactory(settings.Shopify, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new BigCommerceConnectorFactory(settings.BigCommerce, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new WooCommerceConnectorFactory(settings.WooCommerce, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IChannelConnectorFactory>(sp => new MagentoConnectorFactory(settings.Magento, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ConnectorRegistry>();
        return services;
    }
}
