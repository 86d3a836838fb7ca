using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>
/// The inputs issue 14 names, at full size, through the committed maps: each is a golden case's input with one field
/// made huge. The old maps recursed once per line, escape or leading zero; these inputs took them minutes or
/// overflowed the stack. Nothing here is timed: the output must be whole and right.
/// </summary>
public sealed class LargeInputMapTests
{
    private static readonly XNamespace Fn = JsonXml.Namespace;
    private static readonly XNamespace Prd = XmlNamespaces.Products;
    private static readonly XNamespace Ord = XmlNamespaces.Orders;

    [TestCase("bigcommerce")]
    [TestCase("magento")]
    [TestCase("shopify")]
    [TestCase("woocommerce")]
    public void ProductsMap_OneMegabyteDescriptionOfSixtyThousandLines_IsEscapedWhole(string platform)
    {
        var map = $"outbound/{platform}/Products";
        var (input, parameters) = Golden(map, "single-product");
        var lines = Enumerable.Range(0, 60_000).Select(i => $"L{i:D5} a<b & \"c\"").ToList();
        input.Descendants(Prd + "Description").First().Value = string.Join("\r\n", lines);
        var expected = string.Join("<br>", Enumerable.Range(0, 60_000).Select(i => $"L{i:D5} a&lt;b &amp; &quot;c&quot;"));

        var output = RepositoryMaps.Shared.Transform(map, input, parameters);

        var descriptions = output.Descendants(Fn + "string").Where(e => e.Value.StartsWith("L00000 ", StringComparison.Ordinal)).ToList();
        Assert.That(input.Descendants(Prd + "Description").First().Value, Has.Length.GreaterThan(1_000_000));
        Assert.That(descriptions, Is.Not.Empty);
        Assert.That(descriptions.Select(d => d.Value), Is.All.EqualTo(expected));
    }

    [TestCase("bigcommerce", "cancelled", "customer_message")]
    [TestCase("magento", "paid-with-tax-discount-and-configurable-line", "customer_note")]
    [TestCase("shopify", "cancelled-and-refunded", "note")]
    [TestCase("woocommerce", "cancelled-unpaid", "customer_note")]
    public void OrderMap_FiftyThousandCharacterCustomerNote_IsKeptWhole(string platform, string goldenCase, string key)
    {
        var map = $"orders/{platform}";
        var (input, parameters) = Golden(map, goldenCase);
        var note = CustomerNote();
        input.Descendants().First(e => (string?)e.Attribute("key") == key).ReplaceWith(new XElement(Fn + "string", new XAttribute("key", key), note));

        var output = RepositoryMaps.Shared.Transform(map, input, parameters);

        Assert.That(output.Descendants().Single(e => e.Name.LocalName == "Note").Value, Is.EqualTo(note));
    }

    [Test]
    public void Orders05Map_FiftyThousandCharacterCustomerNote_BecomesTextLinesOfSeventy()
    {
        var (input, parameters) = Golden("erp/ORDERS05", "new-order");
        var note = CustomerNote();
        input.Root!.Element(Ord + "Note")!.Value = note;

        var output = RepositoryMaps.Shared.Transform("erp/ORDERS05", input, parameters);

        var lines = output.Descendants("E1EDKT1").Single(t => (string?)t.Element("TDID") == "0001")
            .Elements("E1EDKT2").Select(l => l.Element("TDLINE")!.Value).ToList();
        Assert.That(lines, Has.Count.EqualTo(715));
        Assert.That(lines.Take(714), Has.All.Length.EqualTo(70));
        Assert.That(string.Concat(lines), Is.EqualTo(note));
    }

    [TestCase("inbound/MATMAS05")]
    [TestCase("inbound/LOISTD01")]
    [TestCase("inbound/DELVRY07")]
    public void InboundMap_FiftyThousandDigitMaterialNumber_LosesItsLeadingZeros(string map)
    {
        var (input, parameters) = Golden(map, "sample");
        input.Descendants("MATNR").First().Value = new string('0', 49_995) + "47110";

        var output = RepositoryMaps.Shared.Transform(map, input, parameters);

        Assert.That(output.Descendants().Where(e => e.Name.LocalName == "Sku").Select(e => e.Value), Has.Member("47110"));
    }

    [Test]
    public void Matmas05Map_TenThousandLongTextLines_JoinsThemAndTheShopifyMapEscapesThem()
    {
        var (input, parameters) = Golden("inbound/MATMAS05", "sample");
        var lines = Enumerable.Range(0, 10_000).Select(i => $"Long text line {i:D5} of the basic data text, as SAP keeps it <72>").ToList();
        foreach (var header in input.Descendants("E1MARAM").First().Elements("E1MTXHM"))
        {
            header.Elements("E1MTXLM").Remove();
            header.Add(lines.Select(line => new XElement("E1MTXLM", new XElement("MSGFN", "005"), new XElement("TDFORMAT", "*"), new XElement("TDLINE", line))));
        }

        var canonical = RepositoryMaps.Shared.Transform("inbound/MATMAS05", input, parameters);
        var (_, shopParameters) = Golden("outbound/shopify/Products", "single-product");
        var plan = RepositoryMaps.Shared.Transform("outbound/shopify/Products", canonical, shopParameters);

        Assert.That(canonical.Descendants(Prd + "Description").First().Value, Is.EqualTo(string.Join("\n", lines)));
        // A material master has no price: the plan has two conditional productSet calls with the same description.
        var html = plan.Descendants(Fn + "string").Where(e => (string?)e.Attribute("key") == "descriptionHtml").Select(e => e.Value).Distinct().Single();
        Assert.That(html.Split("<br>"), Has.Length.EqualTo(10_000));
        Assert.That(html, Does.EndWith("line 09999 of the basic data text, as SAP keeps it &lt;72&gt;"));
    }

    /// <summary>50,000 characters of numbered words, so that a line lost or repeated shows.</summary>
    private static string CustomerNote() => string.Join(' ', Enumerable.Range(0, 8_000).Select(i => $"w{i:D5}"))[..50_000];

    private static (XDocument Input, Dictionary<string, string> Parameters) Golden(string map, string name)
    {
        var goldenCase = GoldenCases.Discover(RepositoryFolders.Xslt).Single(c => c.MapName == map && c.Name == name);
        return (XDocument.Load(goldenCase.InputPath), new Dictionary<string, string>(goldenCase.Parameters));
    }
}
