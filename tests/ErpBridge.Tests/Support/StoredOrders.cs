using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Support;

/// <summary>Orders put into a running bridge's store as its poller would, so that shipments can find them.</summary>
internal static class StoredOrders
{
    public static async Task AddAsync(BridgeFixture bridge, string channel, string orderNumber, string? platformOrderId = null)
    {
        var id = platformOrderId ?? $"P{orderNumber}";
        var xml = $"""<Order xmlns="urn:erpbridge:orders:v1"><Channel>{channel}</Channel><PlatformOrderId>{id}</PlatformOrderId><OrderNumber>{orderNumber}</OrderNumber></Order>""";
        var now = TimeProvider.System.GetUtcNow();
        var revision = new OrderRevision(channel, id, orderNumber, now, Cancelled: false, xml, ContentHash.Of(xml));
        await bridge.App.Services.GetRequiredService<IOrderStore>().UpsertAsync([revision], OrderHandover.Pull, now, CancellationToken.None);
    }
}
