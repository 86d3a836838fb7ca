using ErpBridge.Connectors;
using ErpBridge.Core.Alerts;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

/// <summary>A delivery round over fakes: the channel <see cref="Claims.Channel"/> on platform "fake", the fake maps unless the test brings its own.</summary>
public static class DeliveryRounds
{
    public static DeliveryRound Create(
        IDeliveryStore store, IChannelConnector connector, DeliveryOptions options, TimeProvider clock, IMessageMaps? maps = null, MapThreads? mapThreads = null, PricesOptions? prices = null, IPriceDraftStore? drafts = null, IAlertSink? alerts = null)
    {
        mapThreads ??= MapThreadsForTests.Shared;
        var bridge = new BridgeOptions { Prices = prices ?? new PricesOptions() };
        bridge.Channels[Claims.Channel] = new ChannelOptions { Platform = "fake" };
        var registry = new ConnectorRegistry(bridge, [new FakeConnectorFactory(connector)], NullLogger<ConnectorRegistry>.Instance);
        maps ??= new FakeMessageMaps();
        var pipeline = new DeliveryPipeline(maps, options.Backoff(), clock, NullLogger<DeliveryPipeline>.Instance, mapThreads, options.MessageBudget);
        return new DeliveryRound(store, drafts ?? new FakePriceDraftStore(), registry, new CanonicalReader(maps), pipeline, mapThreads, options, clock, NullLogger<DeliveryRound>.Instance, bridge, alerts);
    }
}
