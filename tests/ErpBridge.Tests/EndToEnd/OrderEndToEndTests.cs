using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Orders of all four stores reach the ERP on the bridge's own schedule: each sandbox's demo orders are polled on
/// start, mapped, stored and fetched over SOAP; a cancellation in a store after the ERP took the order comes back as
/// a Cancellation.
/// </summary>
[NonParallelizable]
public sealed class OrderEndToEndTests
{
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";

    [Test]
    public async Task DemoOrdersOfEveryStore_AreFetchedAndAcknowledged_AndACancellationFollows()
    {
        await using var world = await DeliveryWorld.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Orders:Enabled"] = "true" });
        string[] channels = [DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel];

        var fetched = new List<XElement>();
        await DeliveryWorld.EventuallyAsync(
            () =>
            {
                fetched.AddRange(FetchAsync(world).GetAwaiter().GetResult());
                return channels.All(c => fetched.Any(o => ChannelOf(o) == c));
            },
            "orders of every store fetched");

        Assert.That(fetched.Select(o => (string?)o.Element(Ord + "ChangeType")), Is.All.EqualTo("New"));
        Assert.That(fetched.Select(o => (string?)o.Element(Ord + "OrderId")).Distinct().Count(), Is.EqualTo(fetched.Count), "each order once");
        var acks = string.Concat(fetched.Select((o, i) => $"<ord:Acknowledgement><ord:OrderId>{(string?)o.Element(Ord + "OrderId")}</ord:OrderId><ord:ErpDocumentNumber>45{i:00000000}</ord:ErpDocumentNumber></ord:Acknowledgement>"));
        var acknowledged = await world.SubmitAsync($"""<ord:AcknowledgeOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:Acknowledgements>{acks}</ord:Acknowledgements></ord:AcknowledgeOrders>""");
        Assert.That(acknowledged.Xml.Descendants(Ord + "Status").Select(s => s.Value), Is.All.EqualTo("Acknowledged"), acknowledged.Body);

        // A store cancels one of the orders the ERP took; the next poll (run now rather than at the next minute) offers it as a cancellation.
        var magentoOrder = fetched.First(o => ChannelOf(o) == DeliveryWorld.MagentoChannel).Element(Ord + "Order")!;
        world.Magento.CancelOrder((string)magentoOrder.Element(Ord + "OrderNumber")!);
        await world.Bridge.App.Services.GetRequiredService<ErpBridge.Orders.OrderPoller>().PollAsync(DeliveryWorld.MagentoChannel, CancellationToken.None);
        var changes = await FetchAsync(world);

        Assert.That(changes.Select(o => ((string?)o.Element(Ord + "OrderId"), (string?)o.Element(Ord + "ChangeType"))), Is.EqualTo(new[]
        {
            ($"{DeliveryWorld.MagentoChannel}:{(string)magentoOrder.Element(Ord + "PlatformOrderId")!}", (string?)"Cancellation"),
        }));
    }

    private static string? ChannelOf(XElement pending) => (string?)pending.Element(Ord + "Order")?.Element(Ord + "Channel");

    private static async Task<List<XElement>> FetchAsync(DeliveryWorld world)
    {
        var response = await world.SubmitAsync("""<ord:FetchOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:MaxOrders>100</ord:MaxOrders></ord:FetchOrders>""");
        Assert.That(response.Fault, Is.Null, response.Body);
        return response.Xml.Descendants(Ord + "PendingOrder").ToList();
    }
}
