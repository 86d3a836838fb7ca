using ErpBridge.Connectors;
using ErpBridge.Core.Security;
using ErpBridge.Delivery;
using ErpBridge.Host.Alerts;
using ErpBridge.Host.Health;
using ErpBridge.Host.Monitoring;
using ErpBridge.Host.OperatorConsole;
using ErpBridge.Host.Retention;
using ErpBridge.Mapping.Maps;
using ErpBridge.Orders;
using ErpBridge.Orders.Audits;
using ErpBridge.Reconciliation;
using ErpBridge.Soap;
using ErpBridge.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ErpBridge.Host;

/// <summary>The bridge as a web application: configuration checked, services added, migrations applied, endpoints mapped.</summary>
public static class BridgeHost
{
    /// <summary>Builds the host, or returns the configuration problems that keep it from starting.</summary>
    /// <param name="operatorCommand">Built for an operator command: the same configuration and database, quieter logs; never started.</param>
    public static async Task<(WebApplication? App, IReadOnlyList<string> Errors)> BuildAsync(string[] args, Action<IConfigurationBuilder>? configure = null, bool operatorCommand = false)
    {
        var builder = CreateBuilder(args, configure);
        var settings = HostSettings.Bind(builder.Configuration, builder.Environment.ContentRootPath);
        var urls = ListenAddresses.Configured(builder.Configuration);
        var errors = Problems(builder, settings, urls, operatorCommand);
        if (ConfigFile.Problem(args) is { } configFile)
        {
            errors.Insert(0, configFile);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        builder.WebHost.UseUrls([.. urls]);
        builder.Services
            .AddErpBridgeServiceHosting()
            .AddErpBridgeLogging(settings.Logging, builder.Configuration, builder.Environment.ContentRootPath, operatorCommand)
            .AddErpBridgeCore(settings.Bridge)
            .AddErpBridgeStorage(settings.Storage)
            .AddErpBridgeSoap(settings.Soap, settings.Security)
            .AddErpBridgeConnectors(settings.Connectors)
            .AddXsltMaps(maps => maps.Root = settings.MapsFolder)
            .AddErpBridgeDelivery(settings.Delivery, settings.Bridge.Channels.Count)
            .AddErpBridgeClusterScheduler(settings.Storage, settings.Bridge.Channels.Count)
            .AddErpBridgeOrders(settings.Orders, settings.ErpEndpoints, sp => sp.GetRequiredService<ContractSchemas>().Set)
            .AddErpBridgeIdocAudits(settings.IdocAudits)
            .AddErpBridgeReconciliation(settings.Reconciliation)
            .AddErpBridgeRetention(settings.Retention)
            .AddErpBridgeHealthChecks()
            .AddErpBridgeMonitoring(settings.Monitoring)
            .AddErpBridgeAlerts(settings.Alerts)
            .AddErpBridgeConsole(settings.Console);

        var app = builder.Build();
        if (!operatorCommand)
        {
            LogGaps(app, settings);
        }

        try
        {
            await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        }
        catch (SchemaTooNewException e)
        {
            await app.DisposeAsync();
            return (null, [e.Message]);
        }

        app.MapHealth();
        app.MapHealthProbes();
        app.MapDeliveryStatus();
        app.MapAuthenticationStatus();
        app.MapMetrics();
        app.MapShippingWebhooks();
        app.UseErpBridgeSoap();
        app.UseErpBridgeConsole();
        return (app, []);
    }

    /// <summary>
    /// The builder with the bridge's configuration sources, in the order they win: appsettings.json and
    /// appsettings.{Environment}.json, the file named by --config or ERPBRIDGE_CONFIG (<see cref="ConfigFile"/>), user
    /// secrets, environment variables, the command line, then <paramref name="configure"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (ConfigFile.Named(args) is { } file && File.Exists(file))
        {
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        // Channel credentials may live in user secrets on any environment, not only Development; environment
        // variables and the command line still win over them.
        builder.Configuration.AddUserSecrets(typeof(BridgeHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        configure?.Invoke(builder.Configuration);
        return builder;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Every reason not to start, each naming its key.</summary>
    private static List<string> Problems(WebApplicationBuilder builder, HostSettings settings, IReadOnlyList<string> urls, bool operatorCommand)
    {
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
            errors.AddRange(settings.Monitoring.TokenHashes
                .Select((hash, index) => (hash, index))
                .Where(t => string.Equals(t.hash, MetricsToken.Hash(MetricsToken.Demo), StringComparison.OrdinalIgnoreCase))
                .Select(t => $"{MonitoringOptions.Section}:TokenHashes:{t.index}: the demo metrics token's hash is configured and the host would listen on {exposed}; make a token of your own with 'metrics-token' or listen on 127.0.0.1 only."));
            errors.AddRange(settings.Console.Operators
                .Select((op, index) => (op, index))
                .Where(o => DemoOperator.Usable(o.op))
                .Select(o => $"{ConsoleOptions.Section}:Operators:{o.index}: the demo operator's published password is configured and the host would listen on {exposed}; configure operators of your own (a PasswordHash from 'hash-secret') or listen on 127.0.0.1 only."));
        }

        return errors;
    }

    /// <summary>What a fresh installation lacks to do any work (no client, channel or route), as warnings.</summary>
    private static void LogGaps(WebApplication app, HostSettings settings)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ErpBridge.Host.Configuration");
        foreach (var gap in settings.Gaps())
        {
            logger.LogWarning("{ConfigurationGap:l}", gap);
        }
    }
}
