using ErpBridge.Connectors;
using ErpBridge.Core.Routing;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Delivery;

/// <summary>One connector per configured channel whose platform has one, made on first use and disposed with the host.</summary>
public sealed class ConnectorRegistry(BridgeOptions bridge, IEnumerable<IChannelConnectorFactory> factories, ILogger<ConnectorRegistry> logger) : IAsyncDisposable
{
    private readonly Dictionary<string, IChannelConnectorFactory> byPlatform =
        factories.ToDictionary(f => f.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, IChannelConnector> connectors = new(StringComparer.Ordinal);
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
            await connector.DisposeAsync().ConfigureAwait(false);
        }
    }
}
