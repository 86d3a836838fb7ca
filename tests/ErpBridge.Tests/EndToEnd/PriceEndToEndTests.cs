using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// COND_A04 condition records over SOAP to the four platform sandboxes over real HTTP: the sales price of the channel's
/// sales area reaches every store, price only (title, description, status, barcode, weight and stock unchanged);
/// other condition types, other sales areas and ended validities are skipped with the reason; a price valid from a
/// later day is not applied before it.
/// </summary>
public sealed class PriceEndToEndTests
{
    private const string Sku = "E2E-007";

    private static readonly XNamespace St = "urn:erpbridge:status:v1";

    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task SalesPrice_ReachesAllFourStores_PriceOnly_AndTheOtherConditionsAreSkippedWithReasons()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(DeliveryWorld.Product("PRD-1", T0, Sku, "Cordless drill", 10m));
        await world.WaitForAsync("PRD-1", "Delivered");
        await world.SubmitAsync(DeliveryWorld.Stock("INV-1", T0, (Sku, 7)));
        await world.WaitForAsync("INV-1", "Delivered");
        var before = Snapshot(world);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        await world.SubmitAsync(Document("COND-1", Idoc(
            Condition("PR00", "1000", "10", Sku, today.AddDays(-30), null, "1299,00", "100"),
            Condition("K004", "1000", "10", Sku, today.AddDays(-30), null, "2.00-", "1"),
            Condition("PR00", "2000", "20", Sku, today.AddDays(-30), null, "31.00", "1"),
            Condition("PR00", "1000", "10", Sku, today.AddDays(-400), today.AddDays(-31), "8.00", "1"))));
        var deliveries = await world.WaitForAsync("COND-1", "Delivered");

        Assert.That(deliveries.Keys, Is.EquivalentTo(new[] { DeliveryWorld.ShopifyChannel, DeliveryWorld.BigCommerceChannel, DeliveryWorld.WooCommerceChannel, DeliveryWorld.MagentoChannel }));
        var after = Snapshot(world);
        Assert.That(after.Select(p => p.Price), Is.All.EqualTo(12.99m), "1299.00 per 100 pieces is 12.99 a piece, on every store");
        Assert.That(after.Select(p => p with { Price = 0 }), Is.EqualTo(before.Select(p => p with { Price = 0 })), "nothing but the price changed");
        foreach (var (channel, delivery) in deliveries)
        {
            var items = delivery.Descendants(St + "Item").ToDictionary(i => i.Element(St + "Key")!.Value, i => (i.Element(St + "Outcome")!.Value, i.Element(St + "Reason")!.Value));
            var from = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.That(items, Has.Count.EqualTo(3), channel);
            Assert.That(items.Values.Select(i => i.Item1), Is.All.EqualTo("Skipped"), channel);
            Assert.That(items[$"price:{Sku}@2000/20/PR00@{from}"].Item2, Does.StartWith("sales area 2000/20 does not feed this channel"), channel);
            Assert.That(items.Values.Select(i => i.Item2), Has.Some.StartWith("condition type K004 is not a sales price"), channel);
            Assert.That(items.Values.Select(i => i.Item2), Has.Some.StartWith("its validity ended on"), channel);
        }
    }

    [Test]
    public async Task APriceValidFromALaterDay_IsNotApplied_AndTheDeliveryWaitsForThatDay()
    {
        await using var world = await DeliveryWorld.StartAsync();
        await world.SubmitAsync(DeliveryWorld.Product("PRD-2", T0, Sku, "Cordless drill", 10m));
        await world.WaitForAsync("PRD-2", "Delivered");
        var later = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(10);

        await world.SubmitAsync(Document("COND-2", Idoc(Condition("PR00", "1000", "10", Sku, later, null, "15.00", "1"))));
        var deliveries = await world.WaitForAsync("COND-2", "RetryScheduled");

        var due = later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00";
        foreach (var (channel, delivery) in deliveries)
        {
            Assert.That(delivery.Element(St + "NextAttemptAt")!.Value, Does.StartWith(due), channel);
            Assert.That(delivery.Element(St + "Attempts")!.Value, Is.EqualTo("0"), $"{channel}: waiting spends no attempt");
        }

        Assert.That(Snapshot(world).Select(p => p.Price), Is.All.EqualTo(10m), "not before its day");
    }

    [Test]
    public async Task TheSubmitDocumentSample_IsAcceptedAsItIs_WithHttpBasic()
    {
        await using var world = await DeliveryWorld.StartAsync();
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Samples, "idoc", "SubmitDocument-COND_A04.xml"));

        var response = await world.Soap.PostAsync(
            sample,
            authorization: new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BridgeFixture.DemoUser}:{BridgeFixture.DemoPassword}"))));

        Assert.That(response.Fault, Is.Null, response.Body);
        Assert.That(response.Xml.Descendants().Single(e => e.Name.LocalName == "Status").Value, Is.EqualTo("Accepted"));
    }

    /// <summary>Each store's view of the product, in channel order: the fields a price update must leave alone, and the price.</summary>
    private static List<StoreProduct> Snapshot(DeliveryWorld world)
    {
        var shopify = world.Shopify.State.ProductBySku(Sku)!;
        var variant = shopify.Variants.Single();
        var bigCommerce = world.BigCommerce.State().ProductBySku(Sku)!;
        var woo = world.WooCommerce.State().BySku(Sku)!;
        var magento = world.Magento.State().ProductBySku(Sku)!;
        return
        [
            new("shopify", shopify.Title, shopify.DescriptionHtml, shopify.Status, $"{variant.Barcode}|{variant.WeightValue}|{world.Shopify.State.Available(Sku, DeliveryWorld.Location)}", decimal.Parse(variant.Price, CultureInfo.InvariantCulture)),
            new("bigcommerce", bigCommerce.Name, bigCommerce.Description, bigCommerce.IsVisible.ToString(), $"{bigCommerce.Upc}|{bigCommerce.Weight}|{world.BigCommerce.State().StockOf(Sku, DeliveryWorld.Location)}", bigCommerce.Price),
            new("woocommerce", woo.Name, woo.Description, woo.Status, $"{woo.Weight}|{woo.StockQuantity}", decimal.Parse(woo.RegularPrice, CultureInfo.InvariantCulture)),
            new("magento", magento.Name, string.Join(";", magento.CustomAttributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")), magento.Status.ToString(CultureInfo.InvariantCulture), $"{magento.Weight}|{magento.Visibility}", magento.Price ?? -1),
        ];
    }

    /// <summary>A COND_A04 document inside a SubmitDocument.</summary>
    internal static string Document(string messageId, string idoc) =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-12-07T09:15:00Z</doc:SentAt><doc:SourceSystem>PRDCLNT100</doc:SourceSystem><doc:DocumentType>COND_A04</doc:DocumentType><doc:Payload>{idoc}</doc:Payload></doc:SubmitDocument>""";

    /// <summary>One IDoc per condition record, in one COND_A04 document.</summary>
    internal static string Idoc(params string[] conditions) =>
        $"<COND_A04>{string.Concat(conditions.Select((c, i) => $"<IDOC BEGIN=\"1\"><EDI_DC40 SEGMENT=\"1\"><DOCNUM>{4715000 + i}</DOCNUM><IDOCTYP>COND_A04</IDOCTYP><MESTYP>COND_A</MESTYP></EDI_DC40>{c}</IDOC>"))}</COND_A04>";

    /// <summary>A condition record (E1KOMG, E1KONH, E1KONP) of a material's price in EUR.</summary>
    internal static string Condition(string type, string organization, string distribution, string material, DateOnly from, DateOnly? to, string rate, string per) =>
        $"<E1KOMG SEGMENT=\"1\"><KVEWE>A</KVEWE><KOTABNR>004</KOTABNR><KAPPL>V</KAPPL><KSCHL>{type}</KSCHL><VKORG>{organization}</VKORG><VTWEG>{distribution}</VTWEG><MATNR>{material}</MATNR>"
        + $"<E1KONH SEGMENT=\"1\"><DATAB>{Sap(from)}</DATAB><DATBI>{(to is { } end ? Sap(end) : "99991231")}</DATBI>"
        + $"<E1KONP SEGMENT=\"1\"><KSCHL>{type}</KSCHL><KBETR>{rate}</KBETR><KONWA>EUR</KONWA><KPEIN>{per}</KPEIN><KMEIN>ST</KMEIN></E1KONP></E1KONH></E1KOMG>";

    private static string Sap(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>What one store shows of the product: identity, text, status, other fields, and the price.</summary>
    private sealed record StoreProduct(string Store, string Name, string Description, string Status, string Other, decimal Price);
}
