using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Routing;
using ErpBridge.Orders;
using ErpBridge.Tests.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Orders;

/// <summary>
/// What forwarding web orders to shipping channels rests on: the route names only channels that receive orders, and
/// they receive nothing else; an order state has one MessageId; an order message's one item is the order.
/// </summary>
public sealed class OrderForwardingTests
{
    [Test]
    public void OrdersRoute_ToAShippingChannel_IsSound()
    {
        var options = WithShipStation();

        Assert.That(options.Validate(), Is.Empty);
        Assert.That(new OrderForwarder(options, NullLogger<OrderForwarder>.Instance).Enabled, Is.True);
    }

    [Test]
    public void OrdersRoute_ToAStore_IsRefused_NamingTheKey()
    {
        var options = WithShipStation();
        options.Routes["Orders"] = ["ship", "shop"];

        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Routes:Orders: channel 'shop' is a shopify store"));
    }

    [Test]
    public void StockRoute_ToAShippingChannel_IsRefused_NamingTheKey()
    {
        var options = WithShipStation();
        options.Routes["Inventory"] = ["shop", "ship"];

        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Routes:Inventory: channel 'ship' (shipstation) receives web orders only"));
    }

    [Test]
    public void ShipStationChannel_WithoutApiSecret_SaysWhereToSetIt()
    {
        var options = WithShipStation();
        options.Channels["ship"].ConsumerSecret = null;

        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Channels:ship:ConsumerSecret: required for platform shipstation"));
    }

    [TestCase("shop", "webhook-secret-0123456789")]
    [TestCase("ship", "short")]
    public void WebhookSecret_OnlyOnShippingChannels_AndLongEnough(string channel, string secret)
    {
        var options = WithShipStation();
        options.Channels[channel].WebhookSecret = secret;

        Assert.That(options.Validate(), Has.One.StartsWith($"ErpBridge:Channels:{channel}:WebhookSecret:"));
    }

    [Test]
    public void InboundMap_CannotProduceOrders()
    {
        var options = WithShipStation();
        options.DocumentTypes["ORDERS05"] = new DocumentTypeOptions { Produces = "Orders" };

        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:DocumentTypes:ORDERS05:Produces:"));
    }

    [Test]
    public void WithoutTheRoute_NothingIsForwarded()
    {
        Assert.That(new OrderForwarder(BridgeOptionsTests.Sound(), NullLogger<OrderForwarder>.Instance).Enabled, Is.False);
    }

    [Test]
    public void MessageId_IsTheOrderAndItsState()
    {
        var at = DateTimeOffset.Parse("2026-12-01T10:05:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var revision = Revision("bc-us", "214", at, "abcdef0123456789");

        Assert.That(OrderForwarder.MessageIdOf(revision), Is.EqualTo($"order:bc-us:214@{at.ToUnixTimeMilliseconds()}-abcdef012345"));
        Assert.That(OrderForwarder.MessageIdOf(revision), Is.EqualTo(OrderForwarder.MessageIdOf(Revision("bc-us", "214", at, "abcdef0123456789"))));
        Assert.That(OrderForwarder.MessageIdOf(Revision("bc-us", "214", at.AddSeconds(1), "abcdef0123456789")), Is.Not.EqualTo(OrderForwarder.MessageIdOf(revision)));
        Assert.That(OrderForwarder.MessageIdOf(Revision("bc-us", "214", at, "ffffff0123456789")), Is.Not.EqualTo(OrderForwarder.MessageIdOf(revision)));
    }

    [Test]
    public void MessageId_OfAVeryLongOrderId_StaysWithin128Characters()
    {
        var revision = Revision(new string('c', 64), "gid://shopify/Order/" + new string('9', 60), DateTimeOffset.UnixEpoch, new string('a', 64));

        var id = OrderForwarder.MessageIdOf(revision);

        Assert.That(id.Length, Is.LessThanOrEqualTo(128));
        Assert.That(id, Does.StartWith("order:").And.EndWith("@0-aaaaaaaaaaaa"));
    }

    [Test]
    public void OrderMessage_HasTheOrderAsItsOneItem()
    {
        var document = ErpBridge.Tests.Connectors.ShipStation.ShipStationConnectorTests.Order("bc-us", "214", "Open", "Paid");

        var message = CanonicalMessage.Parse(MessageType.Orders, document);

        Assert.That(CanonicalMessage.TypeOf(document), Is.EqualTo(MessageType.Orders));
        Assert.That(message.Keys, Is.EqualTo(new[] { "order:bc-us:214" }));
    }

    private static OrderRevision Revision(string channel, string id, DateTimeOffset at, string hash) =>
        new(channel, id, id, at, false, "<Order/>", hash);

    private static BridgeOptions WithShipStation()
    {
        var options = BridgeOptionsTests.Sound();
        options.Channels["ship"] = new ChannelOptions { Platform = Platform.ShipStation, BaseUrl = "https://ssapi.shipstation.com/", ConsumerKey = "key", ConsumerSecret = "secret" };
        options.Routes["Orders"] = ["ship"];
        return options;
    }
}
