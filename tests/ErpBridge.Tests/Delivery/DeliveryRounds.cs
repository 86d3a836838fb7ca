using ErpBridge.Connectors;
using ErpBridge.Core.Routing;
using ErpBridge.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

/// <summary>A delivery round over fakes: the channel <see cref="Claims.Channel"/> on platform "fake", the fake maps.</summary>
public static class DeliveryRounds
{
    public static DeliveryRound Create(FakeDeliveryStore store, FakeChannelConnector connector, DeliveryOptions options, TimeProvider clock)
    {
        var bridge = new BridgeOptions();
        bridge.Channels[Claims.Channel] = new ChannelOptions { Platform = "fake" };
        var registry = new ConnectorRegistry(bridge, [new FakeConnectorFactory(connector)], NullLogger<ConnectorRegistry>.Instance);
        var maps = new FakeMessageMaps();
        var pipeline = new DeliveryPipeline(maps, options.Backoff(), clock, NullLogger<DeliveryPipeline>.Instance);
        return new DeliveryRound(store, registry, new CanonicalReader(maps), pipeline, options, clock, NullLogger<DeliveryRound>.Instance);
    }
}
