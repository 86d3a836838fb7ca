using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Issue 15, requirement 1: delivery reads the canonical message the door stored with a raw document instead of
/// mapping the document again; documents stored before the door mapped them are still mapped.
/// </summary>
public sealed class CanonicalReaderTests
{
    private const string Document = $"""<SubmitDocument xmlns="{XmlNamespaces.Documents}"><MessageId>D-1</MessageId><SourceSystem>SAP</SourceSystem><DocumentType>MATMAS05</DocumentType><Payload><MATMAS05/></Payload></SubmitDocument>""";

    [Test]
    public void DocumentWithStoredCanonical_ReadWithoutRunningTheMap()
    {
        var maps = new CountingMaps("MAP-NOW");
        var claim = Claims.Claim(1, "D-1", MessageType.Document, 0, Document) with { DocumentType = "MATMAS05", Canonical = Products("AT-THE-DOOR") };

        var message = new CanonicalReader(maps).Read(claim);

        Assert.That(maps.InboundRuns, Is.Zero);
        Assert.That(message.Type, Is.EqualTo(MessageType.Products));
        Assert.That(message.Keys, Is.EqualTo(new[] { "prod:AT-THE-DOOR" }), "what the map made at the door, not what it makes now");
    }

    [Test]
    public void DocumentStoredBeforeTheDoorMapped_MappedNow()
    {
        var maps = new CountingMaps("MAP-NOW");
        var claim = Claims.Claim(1, "D-1", MessageType.Document, 0, Document) with { DocumentType = "MATMAS05" };

        var message = new CanonicalReader(maps).Read(claim);

        Assert.That(maps.InboundRuns, Is.EqualTo(1));
        Assert.That(maps.Documents.Single().Name.LocalName, Is.EqualTo("MATMAS05"), "the map gets the Payload's document");
        Assert.That(message.Keys, Is.EqualTo(new[] { "prod:MAP-NOW" }));
    }

    [Test]
    public void StoredCanonicalThatDoesNotParse_MappingFailed()
    {
        var claim = Claims.Claim(1, "D-1", MessageType.Document, 0, Document) with { DocumentType = "MATMAS05", Canonical = "<SubmitProducts" };

        var error = Assert.Throws<MappingFailedException>(() => new CanonicalReader(new CountingMaps("X")).Read(claim));
        Assert.That(error!.Message, Does.Contain("stored canonical message does not parse"));
    }

    private static string Products(string sku) =>
        $"""<SubmitProducts xmlns="{XmlNamespaces.Products}"><MessageId>D-1</MessageId><Products><Product><Sku>{sku}</Sku><Title>{sku}</Title></Product></Products></SubmitProducts>""";

    /// <summary>An inbound map that counts its runs and makes one product of the given SKU.</summary>
    private sealed class CountingMaps(string sku) : IMessageMaps
    {
        public int InboundRuns { get; private set; }

        public List<XElement> Documents { get; } = [];

        public XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
        {
            InboundRuns++;
            Documents.Add(document);
            return XDocument.Parse(Products(sku));
        }

        public XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("inbound only");
    }
}
