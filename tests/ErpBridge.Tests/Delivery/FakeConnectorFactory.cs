using ErpBridge.Connectors;
using ErpBridge.Core.Routing;

namespace ErpBridge.Tests.Delivery;

/// <summary>Makes the one fake connector the test holds, for platform "fake".</summary>
public sealed class FakeConnectorFactory(IChannelConnector connector) : IChannelConnectorFactory
{
    public string Platform => "fake";

    public IChannelConnector Create(string channel, ChannelOptions options) => connector;
}
