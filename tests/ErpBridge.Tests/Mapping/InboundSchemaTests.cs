using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>What the inbound maps produce is a canonical message the SOAP contract accepts: it validates against wsdl/*.xsd.</summary>
public sealed class InboundSchemaTests
{

    public static IEnumerable<TestCaseData> InboundExpectedOutputs() =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("inbound/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"InboundExpected {c.MapName} {c.Name} validates"));

    /// <summary>Order maps (xslt/orders/{platform}.xslt) render a platform's order JSON as a canonical ord:Order.</summary>
    public static IEnumerable<TestCaseData> OrderExpectedOutputs() =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("orders/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"OrderExpected {c.MapName} {c.Name} validates"));

    public static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Samples, "idoc"), "*.xml")
            .Where(path => !Path.GetFileName(path).StartsWith("SubmitDocument", StringComparison.Ordinal))
            .Select(path => new TestCaseData(path).SetName($"Sample {Path.GetFileName(path)} maps to a valid message"));

    [TestCaseSource(nameof(InboundExpectedOutputs))]
    public void ExpectedOutput_ValidatesAgainstTheContract(GoldenCase goldenCase)
    {
        var errors = Validate(CanonicalXml.Load(goldenCase.ExpectedPath));

        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(OrderExpectedOutputs))]
    public void OrderMapExpectedOutput_IsACanonicalOrder(GoldenCase goldenCase)
    {
        var expected = CanonicalXml.Load(goldenCase.ExpectedPath);

        Assert.That(expected.Root!.Name, Is.EqualTo(XName.Get("Order", "urn:erpbridge:orders:v1")));
        Assert.That(Validate(expected), Is.Empty);
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_MapsToAValidMessage(string path)
    {
        using var engine = RepositoryMaps.Open();
        var documentType = Path.GetFileNameWithoutExtension(path);
        Assert.That(engine.TryGetInbound(documentType, out var map), Is.True, $"no inbound map for {documentType}");
        using var stream = File.OpenRead(path);
        using var reader = XsltMapEngine.CreateInputReader(stream);

        var output = engine.Transform(map!, reader, new Dictionary<string, string>
        {
            ["message-id"] = "SAMPLE-1",
            ["sent-at"] = "2026-11-25T16:40:12Z",
            ["source-system"] = "PRDCLNT100",
        });

        Assert.That(Validate(output), Is.Empty);
    }

    [TestCase("idoc", "DELVRY07", null)]
    [TestCase("oracle", "SHOW_SHIPMENT_005", "shopify-demo")]
    public void SubmitDocumentSample_PayloadMapsLikeTheBareDocument(string folder, string documentType, string? defaultChannel)
    {
        using var engine = RepositoryMaps.Open();
        var envelope = XDocument.Load(Path.Combine(RepositoryFolders.Samples, folder, $"SubmitDocument-{documentType}.xml"));
        XNamespace doc = "urn:erpbridge:documents:v1";
        var request = envelope.Descendants(doc + "SubmitDocument").Single();
        var payload = new XDocument(request.Element(doc + "Payload")!.Elements().Single());
        var parameters = new Dictionary<string, string>
        {
            ["message-id"] = (string)request.Element(doc + "MessageId")!,
            ["sent-at"] = (string)request.Element(doc + "SentAt")!,
            ["source-system"] = (string)request.Element(doc + "SourceSystem")!,
        };
        if (defaultChannel is not null)
        {
            parameters["default-channel"] = defaultChannel;
        }

        Assert.That((string)request.Element(doc + "DocumentType")!, Is.EqualTo(documentType));
        var fromPayload = engine.Transform("inbound/" + documentType, payload, parameters);
        var fromFile = engine.Transform("inbound/" + documentType, XDocument.Load(Path.Combine(RepositoryFolders.Samples, folder, $"{documentType}.xml")), parameters);

        Assert.That(CanonicalXml.Render(fromPayload), Is.EqualTo(CanonicalXml.Render(fromFile)));
        Assert.That(Validate(fromPayload), Is.Empty);
    }

    [Test]
    public void Validate_CatchesAnInvalidMessage()
    {
        var invalid = XDocument.Parse("<SubmitInventory xmlns=\"urn:erpbridge:inventory:v1\"><MessageId>bad id with spaces</MessageId></SubmitInventory>");

        Assert.That(Validate(invalid), Is.Not.Empty);
    }

    private static List<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(CanonicalSchemas.Repository("Common.xsd", "Inventory.xsd", "Products.xsd", "Shipments.xsd", "Orders.xsd"), (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
