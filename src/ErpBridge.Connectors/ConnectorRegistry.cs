using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors;

/// <summary>One connector per configured channel whose platform has one, made on first use and disposed with the host.</summary>
public sealed class ConnectorRegistry(BridgeOptions bridge, IEnumerable<IChannelConnectorFactory> factories, ILogger<ConnectorRegistry> logger) : IAsyncDisposable
{
    private readonly Dictionary<string, IChannelConnectorFactory> byPlatform =
        factories.ToDictionary(f => f.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, IChannelConnector> connectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> mapParameters = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The channels that can be delivered to; the others are reported once and left pending.</summary>
    public IReadOnlyList<string> DeliverableChannels()
    {
        var deliverable = new List<string>();
        foreach (var (name, channel) in bridge.Channels)
        {
            if (byPlatform.ContainsKey(channel.Platform))
            {
                deliverable.Add(name);
            }
            else
            {
                logger.LogWarning("Channel {Channel}: no connector for platform {Platform} yet; its deliveries stay pending", name, channel.Platform);
            }
        }

        return deliverable;
    }

    public IChannelConnector For(string channel)
    {
        lock (gate)
        {
            if (connectors.TryGetValue(channel, out var existing))
            {
                return existing;
            }

            if (!bridge.Channels.TryGetValue(channel, out var options))
            {
                throw new InvalidOperationException($"Channel '{channel}' is not configured.");
            }

            if (!byPlatform.TryGetValue(options.Platform, out var factory))
            {
                throw new InvalidOperationException($"Channel '{channel}': no connector for platform '{options.Platform}'.");
            }

            var connector = factory.Create(channel, options);
            connectors[channel] = connector;
            return connector;
        }
    }

    public ChannelOptions OptionsOf(string channel) =>
        bridge.Channels.TryGetValue(channel, out var options) ? options : throw new InvalidOperationException($"Channel '{channel}' is not configured.");

    /// <summary>
    /// The channel's own outbound map parameters: its MapParameters, and for WooCommerce its ShipmentMode as
    /// shipment-mode. Made once per channel (a bad ShipmentMode throws, naming the setting).
    /// </summary>
    public IReadOnlyDictionary<string, string> MapParametersOf(string channel)
    {
        lock (gate)
        {
            if (mapParameters.TryGetValue(channel, out var existing))
            {
                return existing;
            }

            var options = OptionsOf(channel);
            var parameters = new Dictionary<string, string>(options.MapParameters, StringComparer.Ordinal);
            if (options.Platform == Platform.WooCommerce)
            {
                foreach (var (name, value) in WooShipmentMode.MapParameters(options.ShipmentMode, channel))
                {
                    parameters[name] = value;
                }
            }

            mapParameters[channel] = parameters;
            return parameters;
        }
    }

    public string PlatformOf(string channel) =>
        bridge.Channels.TryGetValue(channel, out var options) ? options.Platform : throw new InvalidOperationException($"Channel '{channel}' is not configured.");

    public async ValueTask DisposeAsync()
    {
        List<IChannelConnector> all;
        lock (gate)
        {
            all = [.. connectors.Values];
            connectors.Clear();
        }

        foreach (var connector in all)
        {
            await connector.DisposeAsync();
        }
    }
}
