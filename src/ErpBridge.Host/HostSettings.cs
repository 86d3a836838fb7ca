using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Security;
using ErpBridge.Delivery;
using ErpBridge.ErpPush;
using ErpBridge.Host.Alerts;
using ErpBridge.Host.Monitoring;
using ErpBridge.Host.OperatorConsole;
using ErpBridge.Host.Retention;
using ErpBridge.Orders;
using ErpBridge.Orders.Audits;
using ErpBridge.Reconciliation;
using ErpBridge.Soap;
using ErpBridge.Storage;

namespace ErpBridge.Host;

/// <summary>All options of the bridge, bound from configuration and validated together before anything starts.</summary>
public sealed class HostSettings
{
    public required BridgeOptions Bridge { get; init; }

    public required StorageOptions Storage { get; init; }

    public required SoapOptions Soap { get; init; }

    public required SecurityOptions Security { get; init; }

    public required LoggingOptions Logging { get; init; }

    public required DeliveryOptions Delivery { get; init; }

    public required OrdersOptions Orders { get; init; }

    public required ReconciliationOptions Reconciliation { get; init; }

    /// <summary>ErpBridge:Connectors: what every channel of a platform shares.</summary>
    public required ConnectorSettings Connectors { get; init; }

    /// <summary>ErpBridge:IdocAudits and ErpBridge:SourceSystems: ALE audits back to SAP per source system.</summary>
    public required IdocAuditOptions IdocAudits { get; init; }

    /// <summary>ErpBridge:Retention: how old finished rows get before the purge deletes them.</summary>
    public required RetentionOptions Retention { get; init; }

    /// <summary>ErpBridge:Console: the operators who may sign in to the console.</summary>
    public required ConsoleOptions Console { get; init; }

    /// <summary>ErpBridge:Alerts: the alert webhooks and their thresholds.</summary>
    public AlertOptions Alerts { get; init; } = new();

    /// <summary>ErpBridge:Monitoring: the metrics tokens and the gauges' cache.</summary>
    public required MonitoringOptions Monitoring { get; init; }

    /// <summary>ErpBridge:ErpEndpoints: the ERP order receivers channels push orders to.</summary>
    public required Dictionary<string, ErpEndpointOptions> ErpEndpoints { get; init; }

    /// <summary>ErpBridge:Maps:Folder, the XSLT maps (default: the xslt folder beside the executable).</summary>
    public required string MapsFolder { get; set; }

    public static HostSettings Bind(IConfiguration configuration, string contentRoot)
    {
        var settings = new HostSettings
        {
            Bridge = Get<BridgeOptions>(configuration, BridgeOptions.Section),
            Storage = Get<StorageOptions>(configuration, StorageOptions.Section),
            Soap = Get<SoapOptions>(configuration, SoapOptions.Section),
            Security = Get<SecurityOptions>(configuration, SecurityOptions.Section),
            Logging = Get<LoggingOptions>(configuration, LoggingOptions.Section),
            Delivery = Get<DeliveryOptions>(configuration, "ErpBridge:Delivery"),
            MapsFolder = configuration["ErpBridge:Maps:Folder"] ?? "xslt",
            Orders = Get<OrdersOptions>(configuration, OrdersOptions.Section),
            IdocAudits = IdocAuditsFrom(configuration),
            Reconciliation = Get<ReconciliationOptions>(configuration, ReconciliationOptions.Section),
            Connectors = Get<ConnectorSettings>(configuration, ConnectorSettings.Section),
            Retention = Get<RetentionOptions>(configuration, RetentionOptions.Section),
            Console = Get<ConsoleOptions>(configuration, ConsoleOptions.Section),
            Alerts = Get<AlertOptions>(configuration, AlertOptions.Section),
            Monitoring = Get<MonitoringOptions>(configuration, MonitoringOptions.Section),
            ErpEndpoints = configuration.GetSection(ErpBridge.Orders.ErpEndpoints.Section).Get<Dictionary<string, ErpEndpointOptions>>() is { } endpoints
                ? new Dictionary<string, ErpEndpointOptions>(endpoints, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, ErpEndpointOptions>(StringComparer.OrdinalIgnoreCase),
        };
        // Every path in the configuration is taken from the install folder (the content root) unless it is absolute,
        // never from the working directory: a Windows service starts in System32, a systemd unit in /.
        settings.Soap.ContractFolder = Path.GetFullPath(settings.Soap.ContractFolder, contentRoot);
        settings.MapsFolder = Path.GetFullPath(settings.MapsFolder, contentRoot);

        settings.Storage.ConnectionString = DatabaseFile.Rooted(settings.Storage, contentRoot);
        settings.Console.KeysFolder = string.IsNullOrWhiteSpace(settings.Console.KeysFolder)
            ? null
            : Path.GetFullPath(settings.Console.KeysFolder, contentRoot);
        if (!string.IsNullOrWhiteSpace(settings.Logging.File))
        {
            settings.Logging.File = Path.GetFullPath(settings.Logging.File, contentRoot);
        }

        return settings;
    }

    /// <summary>Every configuration problem, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        errors.AddRange(Bridge.Validate());
        errors.AddRange(ShipmentModeProblems());
        errors.AddRange(Connectors.Validate());
        errors.AddRange(Storage.Validate());
        errors.AddRange(Soap.Validate());
        errors.AddRange(Security.Validate());
        errors.AddRange(Console.Validate());
        errors.AddRange(Delivery.Validate());
        errors.AddRange(Orders.Validate(Bridge.Channels.Keys, ErpEndpoints.Keys));
        errors.AddRange(ErpBridge.Orders.ErpEndpoints.Validate(ErpEndpoints));
        errors.AddRange(IdocAudits.Validate(ErpEndpoints.Keys));
        errors.AddRange(Reconciliation.Validate(Bridge.Channels.Keys));
        errors.AddRange(Alerts.Validate());
        errors.AddRange(Monitoring.Validate());
        errors.AddRange(Retention.Validate(
            IdocAudits.Audited.Any() ? IdocAudits.Window : null,
            Reconciliation.OrderWindow + Reconciliation.OrderGrace));
        if (!File.Exists(Path.Combine(Soap.ContractFolder, "ErpBridgeService.wsdl")))
        {
            errors.Add($"{SoapOptions.Section}:ContractFolder: no ErpBridgeService.wsdl in '{Soap.ContractFolder}'.");
        }

        if (!Directory.Exists(MapsFolder))
        {
            errors.Add($"ErpBridge:Maps:Folder: no folder '{MapsFolder}'.");
        }

        return errors;
    }

    /// <summary>
    /// What a fresh installation lacks to do any work, though the host starts without it (Production's appsettings.json
    /// configures no client, channel or route): one sentence each, logged as warnings on start.
    /// </summary>
    public IReadOnlyList<string> Gaps()
    {
        var gaps = new List<string>();
        if (Security.Clients.Count == 0)
        {
            gaps.Add($"No ERP client is configured ({SecurityOptions.Section}:Clients): every SOAP call is refused with AuthenticationFailed. Add a client with a PasswordHash from 'hash-secret'.");
        }

        if (Bridge.Channels.Count == 0)
        {
            gaps.Add($"No channel is configured ({BridgeOptions.Section}:Channels): nothing is delivered and no orders are polled.");
        }

        if (!Bridge.Routes.Values.Any(channels => (channels ?? []).Any(c => !string.IsNullOrWhiteSpace(c))))
        {
            gaps.Add($"No route names a channel ({BridgeOptions.Section}:Routes): SubmitInventory, SubmitProducts and SubmitDocument of stock and products are refused with NoRoute.");
        }

        if (Bridge.Routes.TryGetValue("Shipments", out var shipments) && (shipments ?? []).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            gaps.Add($"{BridgeOptions.Section}:Routes:Shipments is not used: a shipment goes to the channel of the order it ships, which the bridge must have fetched.");
        }

        return gaps;
    }

    /// <summary>A WooCommerce channel's ShipmentMode must be one the connector knows (its values live with the connector).</summary>
    private IEnumerable<string> ShipmentModeProblems()
    {
        foreach (var (name, channel) in Bridge.Channels.Where(c => c.Value.Platform == Platform.WooCommerce && !string.IsNullOrEmpty(c.Value.ShipmentMode)))
        {
            string? problem = null;
            try
            {
                WooShipmentMode.Normalize(channel.ShipmentMode, name);
            }
            catch (ArgumentException)
            {
                problem = $"{BridgeOptions.Section}:Channels:{name}:ShipmentMode: '{channel.ShipmentMode}' is not {WooShipmentMode.Fulfillments} or {WooShipmentMode.CompleteOrder}.";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>ErpBridge:IdocAudits with the source systems of ErpBridge:SourceSystems, matched case-insensitively.</summary>
    private static IdocAuditOptions IdocAuditsFrom(IConfiguration configuration)
    {
        var options = Get<IdocAuditOptions>(configuration, IdocAuditOptions.Section);
        var sources = configuration.GetSection(IdocAuditOptions.SourceSystemsSection).Get<Dictionary<string, SourceSystemOptions>>();
        options.SourceSystems = new Dictionary<string, SourceSystemOptions>(sources ?? [], StringComparer.OrdinalIgnoreCase);
        return options;
    }

    private static T Get<T>(IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = false) ?? new T();
}
