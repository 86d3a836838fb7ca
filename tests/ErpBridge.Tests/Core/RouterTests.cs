using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;

namespace ErpBridge.Tests.Core;

public sealed class RouterTests
{
    private readonly Router router = new(BridgeOptionsTests.Sound());

    [Test]
    public void ChannelsFor_Inventory_RoutedChannelsInOrder()
    {
        Assert.That(router.ChannelsFor(Message(MessageType.Inventory)), Is.EqualTo(new[] { "shop", "bc" }));
    }

    [Test]
    public void ChannelsFor_RouteNamingChannelInOtherCase_ConfiguredSpellingOnce()
    {
        var options = BridgeOptionsTests.Sound();
        options.Routes["Inventory"] = ["SHOP", "shop", "bc"];
        Assert.That(new Router(options).ChannelsFor(Message(MessageType.Inventory)), Is.EqualTo(new[] { "shop", "bc" }));
        Assert.That(options.Validate(), Has.One.Contains("named more than once"));
    }

    [Test]
    public void ChannelsFor_RouteWithEmptyEntries_ThoseNameNoChannel()
    {
        // How an environment variable or the command line shortens a route from appsettings.json.
        var options = BridgeOptionsTests.Sound();
        options.Routes["Inventory"] = ["shop", "", "bc", " "];
        Assert.That(new Router(options).ChannelsFor(Message(MessageType.Inventory)), Is.EqualTo(new[] { "shop", "bc" }));
        Assert.That(options.Validate(), Is.Empty);
    }

    [Test]
    public void ChannelsFor_TypeWithoutRoute_None()
    {
        Assert.That(router.ChannelsFor(Message(MessageType.Shipments, hint: [])), Is.Empty);
    }

    [Test]
    public void ChannelsFor_RoutedTypeWithoutChannel_RefusedWithNoRoute()
    {
        var options = BridgeOptionsTests.Sound();
        options.Routes["Inventory"] = ["", " "];

        var error = Assert.Throws<IntakeRejectedException>(() => new Router(options).ChannelsFor(Message(MessageType.Inventory)));
        Assert.That(error!.Code, Is.EqualTo(FaultCodes.NoRoute));
        Assert.That(error.Reason, Does.Contain("ErpBridge:Routes:Inventory"));
    }

    [Test]
    public void ChannelsFor_DocumentProducingAnUnroutedType_RefusedWithNoRoute()
    {
        var options = BridgeOptionsTests.Sound();
        options.Routes.Remove("Products");

        var error = Assert.Throws<IntakeRejectedException>(() => new Router(options).ChannelsFor(Message(MessageType.Document, "MATMAS05")));
        Assert.That(error!.Code, Is.EqualTo(FaultCodes.NoRoute));
        Assert.That(error.Reason, Does.Contain("MATMAS05").And.Contain("ErpBridge:Routes:Products"));
    }

    [Test]
    public void ChannelsFor_DocumentOfKnownType_RoutesOfWhatItProduces()
    {
        Assert.That(router.ChannelsFor(Message(MessageType.Document, "MATMAS05")), Is.EqualTo(new[] { "shop" }));
    }

    [Test]
    public void ChannelsFor_DocumentOfUnknownType_Rejected()
    {
        var error = Assert.Throws<IntakeRejectedException>(() => router.ChannelsFor(Message(MessageType.Document, "INVOIC02")));
        Assert.That(error!.Code, Is.EqualTo(FaultCodes.UnknownDocumentType));
        Assert.That(error.Reason, Does.Contain("INVOIC02").And.Contain("MATMAS05"));
    }

    [Test]
    public void ChannelsFor_ShipmentsNamingChannels_ThoseChannelsOnceEach()
    {
        Assert.That(router.ChannelsFor(Message(MessageType.Shipments, hint: ["BC", "shop", "bc"])), Is.EqualTo(new[] { "bc", "shop" }));
    }

    [Test]
    public void ChannelsFor_ShipmentToUnknownChannel_Rejected()
    {
        var error = Assert.Throws<IntakeRejectedException>(() => router.ChannelsFor(Message(MessageType.Shipments, hint: ["shop", "nowhere"])));
        Assert.That(error!.Code, Is.EqualTo(FaultCodes.UnknownChannel));
        Assert.That(error.Reason, Does.Contain("nowhere"));
    }

    private static IncomingMessage Message(MessageType type, string? documentType = null, string[]? hint = null) =>
        new("m", type, documentType, "SAP", DateTimeOffset.UnixEpoch, "<x/>", "h", hint ?? []);
}
