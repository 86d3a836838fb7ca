using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Bench;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Contract;

/// <summary>
/// The benchmark's requests of every operation (issue 15: intake throughput of each Submit operation) are requests the
/// bridge's contract takes: their bodies are valid against the canonical XSDs, with the SOAP action of their operation.
/// </summary>
internal sealed class BenchRequestsMatchSchemaTests
{
    [TestCase(BenchOperation.Inventory, "SubmitInventory")]
    [TestCase(BenchOperation.Products, "SubmitProducts")]
    [TestCase(BenchOperation.Shipments, "SubmitShipments")]
    [TestCase(BenchOperation.Prices, "SubmitDocument")]
    public void EveryBlock_BodyValidAgainstXsd(BenchOperation operation, string element)
    {
        var template = new SoapRequestTemplate("demo-erp", "demo-erp-password", operation, [new BenchOrder("shopify-demo", "9001"), new BenchOrder("magento-demo", "000000101")]);
        var schemas = CanonicalSchemas.Repository("Common.xsd", "Inventory.xsd", "Products.xsd", "Shipments.xsd", "Documents.xsd");

        Assert.That(template.SoapAction, Is.EqualTo($"\"urn:erpbridge:v1/{element}\""));
        for (var i = 0; i < 3; i++)
        {
            var envelope = XDocument.Parse(Encoding.UTF8.GetString(template.Build($"BENCH-{i}", new DateTimeOffset(2026, 12, 7, 9, 15, 0, TimeSpan.Zero))));
            var body = envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
            var errors = new List<string>();
            new XDocument(body).Validate(schemas, (_, e) => errors.Add(e.Message));

            Assert.That(body.Name.LocalName, Is.EqualTo(element));
            Assert.That(errors, Is.Empty, body.ToString());
        }
    }

    [Test]
    public void Shipments_WithoutFetchedOrders_RefusedBeforeAnyRequest()
    {
        Assert.Throws<UsageException>(() => _ = new SoapRequestTemplate("demo-erp", "demo-erp-password", BenchOperation.Shipments, []));
    }
}
