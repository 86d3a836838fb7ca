using ErpBridge.Core.Security;
using ErpBridge.Connectors;
using ErpBridge.Connectors.BigCommerce;
using ErpBridge.Connectors.Magento;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Delivery;
using ErpBridge.Orders;
using ErpBridge.Reconciliation;
using ErpBridge.Mapping.Maps;
using ErpBridge.Soap;
using ErpBridge.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Serilog;

namespace ErpBridge.Host;

/// <summary>The bridge as a web application: configuration checked, services added, migrations applied, endpoints mapped.</summary>
public static class BridgeHost
{
    /// <summary>Builds the host, or returns the configuration problems that keep it from starting.</summary>
    /// <param name="operatorCommand">Built for an operator command: the same configuration and database, quieter logs; never started.</param>
    public static async Task<(WebApplication? App, IReadOnlyList<string> Errors)> BuildAsync(string[] args, Action<IConfigurationBuilder>? configure = null, bool operatorCommand = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Channel credentials may live in user secrets on any environment, not only Development; environment
        // variables and the command line still win over them.
        builder.Configuration.AddUserSecrets(typeof(BridgeHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        configure?.Invoke(builder.Configuration);
        var settings = HostSettings.Bind(builder.Configuration, builder.Environment.ContentRootPath);
        var urls = ListenAddresses.Configured(builder.Configuration);
        var errors = settings.Validate().ToList();
#if DEBUG
        // Debug builds start the platform sandboxes beside the bridge in Development, registered before delivery;
        // a Release build has neither this code nor the sandboxes' assembly.
        if (!operatorCommand)
        {
            errors.AddRange(Development.DevelopmentSandboxes.Add(builder));
        }
#endif
        if (urls.FirstOrDefault(u => !ListenAddresses.IsLoopback(u)) is { } exposed)
        {
            errors.AddRange(settings.Security.Clients
                .Select((client, index) => (client, index))
                .Where(c => DemoCredentials.Usable(c.client))
                .Select(c => $"ErpBridge:Security:Clients:{c.index}: the demo client's published credentials (or Demo = true) are configured and the host would listen on {exposed}; configure a client of your own (UserName, PasswordHash, an empty DigestPassword, Demo = false) or listen on 127.0.0.1 only."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (operatorCommand)
        {
            settings.Logging.MinimumLevel = Serilog.Events.LogEventLevel.Warning;
        }

        builder.WebHost.UseUrls([.. urls]);
        builder.Services.AddSerilog(SerilogSetup.Configure(new LoggerConfiguration(), settings.Logging, consoleToStandardError: operatorCommand).CreateLogger(), dispose: true);
        builder.Services.AddErpBridgeCore(settings.Bridge);
        builder.Services.AddErpBridgeStorage(settings.Storage);
        builder.Services.AddErpBridgeSoap(settings.Soap, settings.Security);
        builder.Services.AddSingleton<IChannelConnectorFactory>(sp => new ShopifyConnectorFactory(loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IChannelConnectorFactory>(sp => new BigCommerceConnectorFactory(loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        // Stores behind a proxy or WAF with a rate limit: ErpBridge:Connectors:WooCommerce:MaxRequestsPerSecond (and Magento).
        var wooOptions = builder.Configuration.GetSection("ErpBridge:Connectors:WooCommerce").Get<WooCommerceConnectorOptions>() ?? new WooCommerceConnectorOptions();
        var magentoOptions = builder.Configuration.GetSection("ErpBridge:Connectors:Magento").Get<MagentoConnectorOptions>() ?? new MagentoConnectorOptions();
        builder.Services.AddSingleton<IChannelConnectorFactory>(sp => new WooCommerceConnectorFactory(wooOptions, loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IChannelConnectorFactory>(sp => new MagentoConnectorFactory(magentoOptions, loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddXsltMaps(maps => maps.Root = settings.MapsFolder);
        builder.Services.AddErpBridgeDelivery(settings.Delivery);
        builder.Services.AddErpBridgeOrders(settings.Orders, settings.ErpEndpoints, sp => sp.GetRequiredService<ContractSchemas>().Set);
        builder.Services.AddErpBridgeReconciliation(settings.Reconciliation);

        var app = builder.Build();
        if (!operatorCommand)
        {
            var configuration = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ErpBridge.Host.Configuration");
            foreach (var gap in settings.Gaps())
            {
                configuration.LogWarning("{ConfigurationGap:l}", gap);
            }
        }

        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None).ConfigureAwait(false);
        app.MapHealth();
        app.MapDeliveryStatus();
        app.UseErpBridgeSoap();
        return (app, []);
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
