using System.Xml.Linq;
using ErpBridge.ErpPush;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.ErpPush;

/// <summary>The Document of a hand-over: the canonical order, or the ORDERS05 map's IDoc, valid against the subset schema; and the samples.</summary>
[TestFixture]
public sealed class ErpDocumentBuilderTests
{
    private XsltMapEngine maps = null!;

    [SetUp]
    public void CreateEngine() => maps = ErpTestOrders.Maps();

    [TearDown]
    public void DisposeEngine() => maps.Dispose();

    [TestCase(ErpChangeType.New, "ORDERS", null)]
    [TestCase(ErpChangeType.Update, "ORDCHG", "004")]
    [TestCase(ErpChangeType.Cancellation, "ORDCHG", "001")]
    public void Build_WithTheOrders05Map_GivesAValidIdocMarkedWithTheChangeType(string changeType, string messageType, string? action)
    {
        var builder = new ErpDocumentBuilder(maps);

        var idoc = builder.Build(ErpTestOrders.Order("1042"), changeType, "MSG-7", "erp/ORDERS05", new Dictionary<string, string> { ["sales-org"] = "DE01", ["change-type"] = "ignored" });

        Assert.That(ErpTestOrders.ValidateIdoc(idoc), Is.Empty);
        Assert.That(idoc.Descendants("MESTYP").Single().Value, Is.EqualTo(messageType));
        Assert.That((string?)idoc.Descendants("E1EDK01").Single().Element("ACTION"), Is.EqualTo(action));
        Assert.That(idoc.Descendants("ARCKEY").Single().Value, Is.EqualTo("MSG-7"));
        Assert.That(idoc.Descendants("E1EDK14").Single(s => (string?)s.Element("QUALF") == "008").Element("ORGID")!.Value, Is.EqualTo("DE01"));
    }

    [Test]
    public void GoldenOutputs_ValidateAgainstTheOrders05Schema()
    {
        var cases = GoldenCases.Discover(RepositoryFolders.Xslt).Where(c => c.MapName == "erp/ORDERS05" && !c.ExpectsError).ToList();

        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var goldenCase in cases)
        {
            Assert.That(ErpTestOrders.ValidateIdoc(CanonicalXml.Load(goldenCase.ExpectedPath).Root!), Is.Empty, goldenCase.ToString());
        }
    }

    [Test]
    public void Orders05Schema_RefusesAnIdocItDoesNotDescribe()
    {
        var idoc = new ErpDocumentBuilder(maps).Build(ErpTestOrders.Order("1042"), ErpChangeType.New, "MSG-8", "erp/ORDERS05");
        idoc.Descendants("E1EDP19").First().Element("IDTNR")!.Value = new string('9', 36);
        idoc.Element("IDOC")!.Element("E1EDK01")!.AddFirst(new XElement("UNKNOWN", "x"));

        Assert.That(ErpTestOrders.ValidateIdoc(idoc), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Build_WithoutAMap_GivesTheCanonicalOrder()
    {
        var order = ErpTestOrders.Order("1042");

        var document = new ErpDocumentBuilder(maps).Build(order, ErpChangeType.Update, "MSG-9", mapName: null);

        Assert.That(XNode.DeepEquals(document, order.Root), Is.True);
        Assert.That(document, Is.Not.SameAs(order.Root));
    }

    [Test]
    public void Build_UnknownChangeTypeOrNotAnOrder_IsRefused()
    {
        var builder = new ErpDocumentBuilder(maps);

        Assert.Throws<ArgumentException>(() => builder.Build(ErpTestOrders.Order("1"), "Delete", "M", "erp/ORDERS05"));
        Assert.Throws<ArgumentException>(() => builder.Build(XDocument.Parse("<Order/>"), ErpChangeType.New, "M", null));
    }

    [Test]
    public void Samples_MatchWhatTheMapProducesToday()
    {
        var folder = Path.Combine(RepositoryFolders.Samples, "orders");
        var order = XDocument.Load(Path.Combine(folder, "Order-1042.xml"));
        var expected = XDocument.Load(Path.Combine(folder, "ORDERS05-1042-New.xml"));
        var envelope = XDocument.Load(Path.Combine(folder, "ReceiveOrder-ORDERS05-1042.xml"));
        XNamespace er = "urn:erpbridge:erp:orders:v1";
        var request = envelope.Descendants(er + "ReceiveOrder").Single();

        var idoc = new ErpDocumentBuilder(maps).Build(order, (string)request.Element(er + "ChangeType")!, (string)request.Element(er + "MessageId")!, "erp/ORDERS05");

        Assert.That(CanonicalXml.Render(new XDocument(idoc)), Is.EqualTo(CanonicalXml.Render(expected)));
        Assert.That(CanonicalXml.Render(new XDocument(request.Element(er + "Document")!.Elements().Single())), Is.EqualTo(CanonicalXml.Render(expected)));
    }

    [TestCase(false, "Open", ErpChangeType.New)]
    [TestCase(false, "Cancelled", ErpChangeType.New)]
    [TestCase(true, "Open", ErpChangeType.Update)]
    [TestCase(true, "Completed", ErpChangeType.Update)]
    [TestCase(true, "Cancelled", ErpChangeType.Cancellation)]
    public void ChangeType_For_FirstHandOverIsNewLaterOnesAreUpdatesOrCancellations(bool handedOverBefore, string status, string expected)
    {
        var order = ErpTestOrders.Order("1");
        order.Root!.Element(ErpTestOrders.Ord + "Status")!.Value = status;

        Assert.That(ErpChangeType.For(order, handedOverBefore), Is.EqualTo(expected));
    }
}
