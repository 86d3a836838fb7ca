using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Support;

/// <summary>Orders put into a running bridge's store as its poller would, so that shipments can find them.</summary>
internal static class StoredOrders
{
    /// <summary>
    /// The order the canonical shipments of <see cref="Envelopes.Shipments"/> ship (#1001), on the channels they name:
    /// the bridge accepts a shipment only for an order it has fetched.
    /// </summary>
    public static async Task AddShippedOrderAsync(BridgeFixture bridge)
    {
        await AddAsync(bridge, "shopify-demo", "1001");
        await AddAsync(bridge, "bigcommerce-demo", "1001");
    }

    public static async Task AddAsync(BridgeFixture bridge, string channel, string orderNumber, string? platformOrderId = null)
    {
        var id = platformOrderId ?? $"P{orderNumber}";
        var xml = $"""<Order xmlns="urn:erpbridge:orders:v1"><Channel>{channel}</Channel><PlatformOrderId>{id}</PlatformOrderId><OrderNumber>{orderNumber}</OrderNumber></Order>""";
        var now = TimeProvider.System.GetUtcNow();
        var revision = new OrderRevision(channel, id, orderNumber, now, Cancelled: false, xml, ContentHash.Of(xml));
        await bridge.App.Services.GetRequiredService<IOrderStore>().UpsertAsync([revision], OrderHandover.Pull, now, CancellationToken.None);
    }
}
