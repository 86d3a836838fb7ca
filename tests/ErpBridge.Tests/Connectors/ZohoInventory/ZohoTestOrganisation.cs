using System.Globalization;
using System.Xml.Linq;
using ErpBridge.Connectors.ZohoInventory;
using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.ZohoInventory;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Tests.Connectors.ZohoInventory;

/// <summary>
/// A Zoho Inventory sandbox for one test (locations WH1 and WH2) and a connector on it made by the real factory, with
/// plans written by the committed maps.
/// </summary>
internal sealed class ZohoTestOrganisation : IAsyncDisposable
{
    public const string ChannelName = "zoho-test";

    private ZohoTestOrganisation(ZohoInventorySandbox sandbox, ZohoInventoryConnector connector)
    {
        Sandbox = sandbox;
        Connector = connector;
    }

    public ZohoInventorySandbox Sandbox { get; }

    public ZohoInventoryConnector Connector { get; }

    public static async Task<ZohoTestOrganisation> StartAsync(
        Action<ZohoInventoryConnectorOptions>? configure = null, Action<ZohoInventorySandboxOptions>? sandbox = null, ILoggerFactory? loggers = null, Action<ChannelOptions>? channel = null)
    {
        var sandboxOptions = new ZohoInventorySandboxOptions { Locations = ["WH1", "WH2"], ClientSecret = "zoho-test-client-secret", RefreshToken = "1000.zoho-test-refresh-token" };
        sandbox?.Invoke(sandboxOptions);
        var started = await ZohoInventorySandbox.StartAsync(sandboxOptions, CancellationToken.None);
        var options = new ZohoInventoryConnectorOptions();
        configure?.Invoke(options);
        var channelOptions = Channel(started);
        channel?.Invoke(channelOptions);
        var connector = (ZohoInventoryConnector)new ZohoInventoryConnectorFactory(options, loggers).Create(ChannelName, channelOptions);
        return new ZohoTestOrganisation(started, connector);
    }

    public static ChannelOptions Channel(ZohoInventorySandbox sandbox) => new()
    {
        Platform = Platform.ZohoInventory,
        BaseUrl = sandbox.ApiAddress.ToString(),
        AccountsUrl = sandbox.BaseAddress.ToString(),
        OrganizationId = sandbox.Options.OrganizationId,
        ClientId = sandbox.Options.ClientId,
        ClientSecret = sandbox.Options.ClientSecret,
        RefreshToken = sandbox.Options.RefreshToken,
    };

    /// <summary>The plan the committed Inventory map writes for these levels.</summary>
    public static RequestPlan Stock(string messageId, params (string Sku, string Location, decimal Quantity)[] lines) =>
        RepositoryMaps.Plan("outbound/zoho-inventory/Inventory", XDocument.Parse(
            $"""<inv:SubmitInventory xmlns:inv="urn:erpbridge:inventory:v1"><inv:MessageId>{messageId}</inv:MessageId><inv:SentAt>2026-12-08T10:00:00Z</inv:SentAt><inv:SourceSystem>SAP</inv:SourceSystem><inv:Items>{string.Concat(lines.Select(l => $"<inv:Item><inv:Sku>{l.Sku}</inv:Sku><inv:Location>{l.Location}</inv:Location><inv:Quantity>{l.Quantity.ToString(CultureInfo.InvariantCulture)}</inv:Quantity></inv:Item>"))}</inv:Items></inv:SubmitInventory>"""),
            ChannelName,
            messageId);

    /// <summary>The plan the committed Products map writes for one product.</summary>
    public static RequestPlan Product(string messageId, string sku, string title, decimal? price, string status = "active") =>
        RepositoryMaps.Plan("outbound/zoho-inventory/Products", XDocument.Parse(
            $"""<prd:SubmitProducts xmlns:prd="urn:erpbridge:products:v1"><prd:MessageId>{messageId}</prd:MessageId><prd:SentAt>2026-12-08T10:00:00Z</prd:SentAt><prd:SourceSystem>SAP</prd:SourceSystem><prd:Products><prd:Product><prd:Sku>{sku}</prd:Sku><prd:Title>{title}</prd:Title><prd:Description>From the ERP</prd:Description>{(price is { } p ? $"<prd:Price>{p.ToString(CultureInfo.InvariantCulture)}</prd:Price><prd:Currency>EUR</prd:Currency>" : "")}<prd:Status>{status}</prd:Status><prd:Barcode>4006381333931</prd:Barcode></prd:Product></prd:Products></prd:SubmitProducts>"""),
            ChannelName,
            messageId);

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
