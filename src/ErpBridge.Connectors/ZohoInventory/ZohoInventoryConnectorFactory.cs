using System.Collections.Concurrent;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Makes a <see cref="ZohoInventoryConnector"/> per Zoho Inventory channel; a channel missing BaseUrl, OrganizationId,
/// ClientId, ClientSecret or RefreshToken is a configuration error. Channels of one organisation share one pacer, as
/// Zoho counts its limits per organisation.
/// </summary>
public sealed class ZohoInventoryConnectorFactory(ZohoInventoryConnectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    : ChannelConnectorFactory<ZohoInventoryConnectorOptions>(options, loggerFactory)
{
    private readonly ConcurrentDictionary<string, ZohoInventoryPacer> pacers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ZohoInventoryPacer> channels = new(StringComparer.Ordinal);
    private int observed;

    public override string Platform => Core.Routing.Platform.ZohoInventory;

    private protected override IChannelConnector Create(string channel, ChannelOptions options, ConnectorServices services)
    {
        var baseUrl = RequireBaseUrl(channel, options, "an absolute http(s) URL (Zoho Inventory: https://www.zohoapis.com/inventory/v1/, or the organisation's data centre: .eu, .in, .com.au, ...)");
        foreach (var (name, value) in new[] { ("OrganizationId", options.OrganizationId), ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret), ("RefreshToken", options.RefreshToken) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"Channel '{channel}': {name} is required for Zoho Inventory.", nameof(options));
            }
        }

        var accounts = AccountsUrl(channel, options, baseUrl);
        var pacer = pacers.GetOrAdd(
            $"{baseUrl.Host}|{options.OrganizationId}",
            _ => new ZohoInventoryPacer(Options.TimeProvider, Options.RequestsPerMinute, Options.DailyLimit, Options.DailyReserve));
        channels[channel] = pacer;
        if (Options.Metrics is { } metrics && Interlocked.Exchange(ref observed, 1) == 0)
        {
            metrics.ObserveDailyBudget(() => channels.Select(c => (c.Key, Core.Routing.Platform.ZohoInventory, (long)c.Value.RemainingToday)));
        }

        return new ZohoInventoryConnector(channel, options, accounts, pacer, Options, services.Clients, services.Loggers.CreateLogger<ZohoInventoryConnector>());
    }

    /// <summary>The channel's AccountsUrl; unset, the accounts server of the API's data centre (www.zohoapis.eu → accounts.zoho.eu).</summary>
    private static Uri AccountsUrl(string channel, ChannelOptions options, Uri baseUrl)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountsUrl))
        {
            return Uri.TryCreate(options.AccountsUrl.TrimEnd('/') + "/", UriKind.Absolute, out var configured) && configured.Scheme is "https" or "http"
                ? configured
                : throw new ArgumentException($"Channel '{channel}': AccountsUrl '{options.AccountsUrl}' must be an absolute http(s) URL (https://accounts.zoho.com/ or the data centre's).", nameof(options));
        }

        const string api = "www.zohoapis.";
        return baseUrl.Host.StartsWith(api, StringComparison.OrdinalIgnoreCase)
            ? new Uri($"https://accounts.zoho.{baseUrl.Host[api.Length..]}/")
            : throw new ArgumentException($"Channel '{channel}': AccountsUrl is required for Zoho Inventory when BaseUrl is not a www.zohoapis.* address.", nameof(options));
    }
}
