using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Contract;

/// <summary>
/// The bodies the service really receives and sends, captured from live exchanges, validate against the XSDs:
/// requests, responses of every operation, and fault details.
/// </summary>
public sealed class BodiesMatchSchemaTests
{
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;
    private XmlSchemaSet schemas = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        bridge = await BridgeFixture.StartAsync();
        await StoredOrders.AddShippedOrderAsync(bridge);
        client = new SoapClient(bridge.ServiceAddress);
        schemas = CanonicalSchemas.Folder(Path.Combine(AppContext.BaseDirectory, "wsdl"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> Exchanges()
    {
        yield return new TestCaseData((Func<string, string>)(id => Envelopes.Inventory(id)), SoapVersionUnderTest.Soap11).SetName("SubmitInventory_Soap11_BodiesValid");
        yield return new TestCaseData((Func<string, string>)(id => Envelopes.Inventory(id)), SoapVersionUnderTest.Soap12).SetName("SubmitInventory_Soap12_BodiesValid");
        yield return new TestCaseData((Func<string, string>)Envelopes.Products, SoapVersionUnderTest.Soap11).SetName("SubmitProducts_BodiesValid");
        yield return new TestCaseData((Func<string, string>)(id => Envelopes.Shipments(id)), SoapVersionUnderTest.Soap11).SetName("SubmitShipments_BodiesValid");
        yield return new TestCaseData((Func<string, string>)(id => Envelopes.Document(id)), SoapVersionUnderTest.Soap11).SetName("SubmitDocument_BodiesValid");
    }

    [TestCaseSource(nameof(Exchanges))]
    public async Task Exchange_RequestAndResponseBodies_ValidAgainstXsd(Func<string, string> body, SoapVersionUnderTest version)
    {
        var id = Envelopes.NewId();
        var request = Envelopes.Wrap(body(id), version: version);
        var response = await client.PostAsync(request, version);

        Assert.That(Validate(BodyElement(XDocument.Parse(request))), Is.Empty);
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(Validate(BodyElement(response.Xml)), Is.Empty, response.Body);
        Assert.That(await XmllintAsync(BodyElement(response.Xml)), Is.Empty, "libxml2 agrees");
    }

    [Test]
    public async Task GetMessageStatus_ResponseBody_ValidAgainstXsd()
    {
        var id = Envelopes.NewId();
        await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Status(id)));
        Assert.That(Validate(BodyElement(response.Xml)), Is.Empty, response.Body);
        Assert.That(await XmllintAsync(BodyElement(response.Xml)), Is.Empty, "libxml2 agrees");
    }

    [TestCase(SoapVersionUnderTest.Soap11)]
    [TestCase(SoapVersionUnderTest.Soap12)]
    public async Task Faults_DetailFromGateAndFromOperation_ValidAgainstXsd(SoapVersionUnderTest version)
    {
        var gate = await client.PostAsync(Envelopes.Wrap(Envelopes.Status("no such message").Replace("no such message", "bad id!", StringComparison.Ordinal), version: version), version);
        var operation = await client.PostAsync(Envelopes.Wrap(Envelopes.Status("unknown-id"), version: version), version);

        Assert.That(gate.FaultCode, Is.EqualTo("SchemaViolation"), gate.Body);
        Assert.That(operation.FaultCode, Is.EqualTo("MessageNotFound"), operation.Body);
        Assert.That(Validate(gate.Fault!), Is.Empty);
        Assert.That(Validate(operation.Fault!), Is.Empty);
        Assert.That(await XmllintAsync(operation.Fault!), Is.Empty, "libxml2 agrees");
    }

    [Test]
    public async Task Validators_InvalidBody_ReportErrors()
    {
        var invalid = XElement.Parse("<SubmitInventory xmlns=\"urn:erpbridge:inventory:v1\"><MessageId>x</MessageId></SubmitInventory>");
        Assert.That(Validate(invalid), Is.Not.Empty);
        Assert.That(await XmllintAsync(invalid), Does.Contain("SentAt"));
    }

    /// <summary>A second, independent validator: libxml2's xmllint against the XSD of the element's namespace.</summary>
    private static async Task<string> XmllintAsync(XElement element)
    {
        if (!File.Exists("/usr/bin/xmllint"))
        {
            Assert.Ignore("xmllint is not installed: apt-get install libxml2-utils");
        }

        var area = element.Name.NamespaceName.Split(':')[2];
        var xsd = Path.Combine(AppContext.BaseDirectory, "wsdl", char.ToUpperInvariant(area[0]) + area[1..] + ".xsd");
        var file = Path.Combine(Path.GetTempPath(), $"erpbridge-body-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, element.ToString());
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", xsd, file]) { RedirectStandardError = true })!;
            var errors = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? "" : errors;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static XElement BodyElement(XDocument envelope) =>
        envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();

    private List<string> Validate(XElement element)
    {
        var errors = new List<string>();
        new XDocument(element).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
