using System.Globalization;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Products without a price (issue 15: a material master carries none) over SOAP, through the real maps and
/// connectors, into the four sandboxes over HTTP: a new one is created as a draft that cannot be bought, an existing
/// one keeps its price, and one the store has without a price is not activated.
/// </summary>
public sealed class ProductsWithoutPriceEndToEndTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A product that cannot be bought, as Shopify, BigCommerce, WooCommerce and Magento show it.</summary>
    private static readonly string[] Drafts = ["DRAFT", "False/disabled", "draft", "2"];

    [Test]
    public async Task MaterialMasterWithoutPrice_NewProductsAreDraftsThatCannotBeBought_OnAllFourPlatforms()
    {
        await using var world = await DeliveryWorld.StartAsync();

        await world.SubmitAsync(MaterialMaster("NP-1", T0, ("000000000000730001", "Camping stove", ""), ("CAMP-MUG", "Camping mug", "<MSTAE>01</MSTAE>")));
        await world.WaitForAsync("NP-1", "Delivered");

        foreach (var sku in new[] { "730001", "CAMP-MUG" })
        {
            var shopify = world.Shopify.State.ProductBySku(sku)!;
            Assert.That((shopify.Status, shopify.Variants.Single().Price), Is.EqualTo(("DRAFT", "0.00")), $"Shopify {sku}");
            var bigCommerce = world.BigCommerce.State().ProductBySku(sku)!;
            Assert.That((bigCommerce.IsVisible, bigCommerce.Availability, bigCommerce.Price), Is.EqualTo((false, "disabled", 0m)), $"BigCommerce {sku}");
            var woo = world.WooCommerce.State().BySku(sku)!;
            Assert.That((woo.Status, woo.RegularPrice), Is.EqualTo(("draft", "")), $"WooCommerce {sku}");
            var magento = world.Magento.State().ProductBySku(sku)!;
            Assert.That((magento.Status, magento.Price), Is.EqualTo((2, (decimal?)0m)), $"Magento {sku}");
        }

        Assert.That(world.Shopify.State.ProductBySku("730001")!.Title, Is.EqualTo("Camping stove"));
    }

    [Test]
    public async Task ProductWithoutPrice_ExistingProductKeepsItsPrice_OnAllFourPlatforms()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(DeliveryWorld.Product("KP-1", T0, "KEEP-1", "Trail shoe", 89.90m));
        await world.WaitForAsync("KP-1", "Delivered");

        await world.SubmitAsync(WithoutPrice("KP-2", T0.AddMinutes(1), "KEEP-1", "Trail shoe II", "active"));
        await world.WaitForAsync("KP-2", "Delivered");

        var shopify = world.Shopify.State.ProductBySku("KEEP-1")!;
        Assert.That((shopify.Title, shopify.Status, Money(shopify.Variants.Single().Price)), Is.EqualTo(("Trail shoe II", "ACTIVE", 89.90m)));
        var bigCommerce = world.BigCommerce.State().ProductBySku("KEEP-1")!;
        Assert.That((bigCommerce.Name, bigCommerce.Price, bigCommerce.IsVisible, bigCommerce.Availability), Is.EqualTo(("Trail shoe II", 89.90m, true, "available")));
        var woo = world.WooCommerce.State().BySku("KEEP-1")!;
        Assert.That((woo.Name, woo.Status, Money(woo.RegularPrice)), Is.EqualTo(("Trail shoe II", "publish", 89.90m)));
        var magento = world.Magento.State().ProductBySku("KEEP-1")!;
        Assert.That((magento.Name, magento.Status, magento.Price), Is.EqualTo(("Trail shoe II", 1, (decimal?)89.90m)));

        // Blocked in the ERP: taken off sale, the price still kept.
        await world.SubmitAsync(WithoutPrice("KP-3", T0.AddMinutes(2), "KEEP-1", "Trail shoe II", "draft"));
        await world.WaitForAsync("KP-3", "Delivered");

        Assert.That((world.Shopify.State.ProductBySku("KEEP-1")!.Status, Money(world.Shopify.State.ProductBySku("KEEP-1")!.Variants.Single().Price)), Is.EqualTo(("DRAFT", 89.90m)));
        Assert.That((world.BigCommerce.State().ProductBySku("KEEP-1")!.IsVisible, world.BigCommerce.State().ProductBySku("KEEP-1")!.Price), Is.EqualTo((false, 89.90m)));
        Assert.That((world.WooCommerce.State().BySku("KEEP-1")!.Status, Money(world.WooCommerce.State().BySku("KEEP-1")!.RegularPrice)), Is.EqualTo(("draft", 89.90m)));
        Assert.That((world.Magento.State().ProductBySku("KEEP-1")!.Status, world.Magento.State().ProductBySku("KEEP-1")!.Price), Is.EqualTo((2, (decimal?)89.90m)));
    }

    [Test]
    public async Task ProductWithoutPrice_StoreHasNoPriceForIt_StaysADraftWhenTheErpSaysActive()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(WithoutPrice("UP-1", T0, "UNPRICED-1", "Head torch", "active"));
        await world.WaitForAsync("UP-1", "Delivered");

        await world.SubmitAsync(WithoutPrice("UP-2", T0.AddMinutes(1), "UNPRICED-1", "Head torch 300 lm", "active"));
        await world.WaitForAsync("UP-2", "Delivered");

        var shopify = world.Shopify.State.ProductBySku("UNPRICED-1")!;
        Assert.That((shopify.Title, shopify.Status, shopify.Variants.Single().Price), Is.EqualTo(("Head torch 300 lm", "DRAFT", "0.00")));
        Assert.That(world.Shopify.State.Products.Count(p => p.Variants.Any(v => v.Sku == "UNPRICED-1")), Is.EqualTo(1), "updated, not created twice");
        var bigCommerce = world.BigCommerce.State().ProductBySku("UNPRICED-1")!;
        Assert.That((bigCommerce.Name, bigCommerce.IsVisible, bigCommerce.Availability, bigCommerce.Price), Is.EqualTo(("Head torch 300 lm", false, "disabled", 0m)));
        var woo = world.WooCommerce.State().BySku("UNPRICED-1")!;
        Assert.That((woo.Name, woo.Status, woo.RegularPrice), Is.EqualTo(("Head torch 300 lm", "draft", "")));
        var magento = world.Magento.State().ProductBySku("UNPRICED-1")!;
        Assert.That((magento.Name, magento.Status, magento.Price), Is.EqualTo(("Head torch 300 lm", 2, (decimal?)0m)));
    }

    [Test]
    public async Task ThePriceOfAMaterialDraftedForLackOfIt_PublishesIt_ABlockedMaterialStaysADraft_OnAllFourPlatforms()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(MaterialMaster("PD-1", T0, ("000000000000740001", "Camping lantern", ""), ("740002", "Camping chair", "<MSTAE>01</MSTAE>")));
        await world.WaitForAsync("PD-1", "Delivered");
        var before = Snapshot(world, "740001").Concat(Snapshot(world, "740002")).ToList();
        Assert.That(before.Select(p => p.Sellable), Is.EqualTo(Drafts.Concat(Drafts)), "created as drafts: no price yet");

        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        await world.SubmitAsync(PriceEndToEndTests.Document("PD-2", PriceEndToEndTests.Idoc(
            PriceEndToEndTests.Condition("PR00", "1000", "10", "000000000000740001", yesterday, null, "19,90", "1"),
            PriceEndToEndTests.Condition("PR00", "1000", "10", "740002", yesterday, null, "24,50", "1"))));
        await world.WaitForAsync("PD-2", "Delivered");

        var lantern = Snapshot(world, "740001");
        Assert.That(lantern.Select(p => p.Price), Is.All.EqualTo(19.90m), "the price, on every store");
        Assert.That(lantern.Select(p => p.Sellable), Is.EqualTo(new[] { "ACTIVE", "True/available", "publish", "1" }), "drafted for lack of a price: published with it");
        var chair = Snapshot(world, "740002");
        Assert.That(chair.Select(p => p.Price), Is.All.EqualTo(24.50m));
        Assert.That(chair.Select(p => p.Sellable), Is.EqualTo(Drafts), "blocked in the ERP: its price publishes nothing");
        Assert.That(lantern.Concat(chair).Select(p => p with { Price = 0, Sellable = "" }), Is.EqualTo(before.Select(p => p with { Price = 0, Sellable = "" })), "nothing else changed");

        // A second price publishes nothing more and changes only the price.
        await world.SubmitAsync(PriceEndToEndTests.Document("PD-3", PriceEndToEndTests.Idoc(
            PriceEndToEndTests.Condition("PR00", "1000", "10", "740002", yesterday.AddDays(1), null, "22,00", "1"))));
        await world.WaitForAsync("PD-3", "Delivered");
        Assert.That(Snapshot(world, "740002").Select(p => p.Price), Is.All.EqualTo(22m));
        Assert.That(Snapshot(world, "740002").Select(p => p.Sellable), Is.EqualTo(Drafts));
    }

    /// <summary>
    /// Each store's view of one product: what a price must leave alone, whether it can be bought (status, BigCommerce
    /// visibility and availability, WooCommerce status, Magento status: one text per store), and its price.
    /// </summary>
    private static List<StoreProduct> Snapshot(DeliveryWorld world, string sku)
    {
        var shopify = world.Shopify.State.ProductBySku(sku)!;
        var bigCommerce = world.BigCommerce.State().ProductBySku(sku)!;
        var woo = world.WooCommerce.State().BySku(sku)!;
        var magento = world.Magento.State().ProductBySku(sku)!;
        return
        [
            new("shopify", shopify.Title, shopify.DescriptionHtml + "|" + shopify.Variants.Single().WeightValue, shopify.Status, Money(shopify.Variants.Single().Price)),
            new("bigcommerce", bigCommerce.Name, bigCommerce.Description + "|" + bigCommerce.Weight, $"{bigCommerce.IsVisible}/{bigCommerce.Availability}", bigCommerce.Price),
            new("woocommerce", woo.Name, woo.Description + "|" + woo.Weight, woo.Status, woo.RegularPrice.Length == 0 ? 0 : Money(woo.RegularPrice)),
            new("magento", magento.Name, magento.Weight + "|" + magento.Visibility, magento.Status.ToString(CultureInfo.InvariantCulture), magento.Price ?? -1),
        ];
    }

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string WithoutPrice(string messageId, DateTimeOffset sentAt, string sku, string title, string status) =>
        $"""<prd:SubmitProducts xmlns:prd="urn:erpbridge:products:v1"><prd:MessageId>{messageId}</prd:MessageId><prd:SentAt>{sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</prd:SentAt><prd:SourceSystem>SAP-ECC</prd:SourceSystem><prd:Products><prd:Product><prd:Sku>{sku}</prd:Sku><prd:Title>{title}</prd:Title><prd:Status>{status}</prd:Status></prd:Product></prd:Products></prd:SubmitProducts>""";

    /// <summary>A MATMAS05 with one IDoc per material and no valuation segment, inside a SubmitDocument.</summary>
    private static string MaterialMaster(string messageId, DateTimeOffset sentAt, params (string Matnr, string Text, string Extra)[] materials)
    {
        var idocs = string.Concat(materials.Select((m, i) =>
            $"""<IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>{i + 1:D16}</DOCNUM><IDOCTYP>MATMAS05</IDOCTYP><MESTYP>MATMAS</MESTYP><SNDPRN>PRDCLNT100</SNDPRN></EDI_DC40><E1MARAM SEGMENT="1"><MSGFN>005</MSGFN><MATNR>{m.Matnr}</MATNR><MTART>HAWA</MTART><MEINS>ST</MEINS><BRGEW>350</BRGEW><GEWEI>G</GEWEI>{m.Extra}<E1MAKTM SEGMENT="1"><SPRAS>E</SPRAS><MAKTX>{m.Text}</MAKTX><SPRAS_ISO>EN</SPRAS_ISO></E1MAKTM></E1MARAM></IDOC>"""));
        return $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>{sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</doc:SentAt><doc:SourceSystem>SAP-ECC</doc:SourceSystem><doc:DocumentType>MATMAS05</doc:DocumentType><doc:Payload><MATMAS05>{idocs}</MATMAS05></doc:Payload></doc:SubmitDocument>""";
    }

    /// <summary>What one store shows of a product: identity, other fields, whether it can be bought, and its price.</summary>
    private sealed record StoreProduct(string Store, string Name, string Other, string Sellable, decimal Price);
}
