using ErpBridge.Core.Routing;

namespace ErpBridge.Tests.Core;

public sealed class BridgeOptionsTests
{
    [Test]
    public void Validate_Sound_NoErrors()
    {
        Assert.That(Sound().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_UnknownPlatform_NamesTheKey()
    {
        var options = Sound();
        options.Channels["shop"].Platform = "amazon";
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Channels:shop:Platform:").And.Contains("amazon"));
    }

    [TestCase("00:00:00")]
    [TestCase("00:10:00")]
    public void Validate_IntakeMapTimeoutOutOfRange_NamesTheKey(string timeout)
    {
        var options = Sound();
        options.IntakeMapTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:IntakeMapTimeout:"));
    }

    [Test]
    public void Validate_RelativeBaseUrl_NamesTheKey()
    {
        var options = Sound();
        options.Channels["shop"].BaseUrl = "shop.example.com";
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Channels:shop:BaseUrl:"));
    }

    [Test]
    public void Validate_MissingCredential_SaysWhereToSetIt()
    {
        var options = Sound();
        options.Channels["shop"].AccessToken = null;
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Channels:shop:AccessToken:").And.Contains("environment variable"));
    }

    [Test]
    public void Validate_RouteToUnknownChannel_NamesTheRoute()
    {
        var options = Sound();
        options.Routes["Inventory"] = ["shop", "ghost"];
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:Routes:Inventory:").And.Contains("ghost"));
    }

    [TestCase("Document")]
    [TestCase("Orders")]
    public void Validate_RouteForNonRoutableType_Error(string type)
    {
        var options = Sound();
        options.Routes[type] = ["shop"];
        Assert.That(options.Validate(), Has.One.StartsWith($"ErpBridge:Routes:{type}:"));
    }

    [Test]
    public void Validate_DocumentTypeProducingNothingKnown_Error()
    {
        var options = Sound();
        options.DocumentTypes["ORDERS05"] = new DocumentTypeOptions { Produces = "Orders" };
        Assert.That(options.Validate(), Has.One.StartsWith("ErpBridge:DocumentTypes:ORDERS05:Produces:"));
    }

    [TestCase("COND_A04", true)]
    [TestCase("../outbound/shopify/Products", false)]
    [TestCase("", false)]
    public void Validate_DocumentTypeMap_MustNameAnInboundMap(string map, bool valid)
    {
        var options = Sound();
        options.DocumentTypes["COND_A03"] = new DocumentTypeOptions { Produces = "Prices", Map = map };
        Assert.That(options.Validate(), valid ? Is.Empty : Has.Exactly(1).StartsWith("ErpBridge:DocumentTypes:COND_A03:Map:"));
    }

    [Test]
    public void Validate_DocumentTypeMapParameterFromTheEnvelope_Error_OthersAreFine()
    {
        var options = Sound();
        options.DocumentTypes["SHOW_SHIPMENT_005"] = new DocumentTypeOptions
        {
            Produces = "Shipments",
            MapParameters = new(StringComparer.Ordinal) { ["default-channel"] = "shop", ["order-reference-type"] = "PO", ["message-id"] = "X" },
        };
        Assert.That(options.Validate(), Is.EqualTo(new[] { "ErpBridge:DocumentTypes:SHOW_SHIPMENT_005:MapParameters:message-id: taken from the SubmitDocument envelope." }));
    }

    [Test]
    public void Validate_WooCommerceWithoutSecret_NamesBothMissingKeys()
    {
        var options = Sound();
        options.Channels["woo"] = new ChannelOptions { Platform = Platform.WooCommerce, BaseUrl = "https://woo.example.com/" };
        Assert.That(options.Validate(), Has.Some.StartsWith("ErpBridge:Channels:woo:ConsumerKey:").And.Some.StartsWith("ErpBridge:Channels:woo:ConsumerSecret:"));
    }

    internal static BridgeOptions Sound() => new()
    {
        Channels = new(StringComparer.OrdinalIgnoreCase)
        {
            ["shop"] = new ChannelOptions { Platform = Platform.Shopify, BaseUrl = "https://shop.example.com/", AccessToken = "token" },
            ["bc"] = new ChannelOptions { Platform = Platform.BigCommerce, BaseUrl = "https://api.bigcommerce.com/", AccessToken = "token", StoreHash = "abc" },
        },
        Routes = new(StringComparer.OrdinalIgnoreCase) { ["Inventory"] = ["shop", "bc"], ["Products"] = ["shop"] },
        DocumentTypes = new(StringComparer.OrdinalIgnoreCase) { ["MATMAS05"] = new DocumentTypeOptions { Produces = "Products" } },
    };
}
