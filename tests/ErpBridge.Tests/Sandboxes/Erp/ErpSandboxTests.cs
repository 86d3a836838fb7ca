using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Tests.ErpPush;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Sandboxes.Erp;

/// <summary>The sandbox ERP over raw HTTP: the served contract, authentication, the envelope rules and the admin endpoints.</summary>
[TestFixture]
public sealed class ErpSandboxTests
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Er = "urn:erpbridge:erp:orders:v1";

    private ErpSandbox sandbox = null!;
    private HttpClient http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ErpSandbox.StartAsync(new ErpSandboxOptions { ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);
        http = new HttpClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        http.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task ServedWsdl_ParsesDescribesReceiveOrderAndPointsAtThisServer()
    {
        var wsdl = XDocument.Parse(await http.GetStringAsync(sandbox.WsdlAddress));

        // Issue 15 added ReceiveAudit (ALE audits) beside ReceiveOrder.
        var operations = wsdl.Descendants(Wsdl + "portType").Single().Elements(Wsdl + "operation").ToList();
        Assert.That(operations.Select(o => (string?)o.Attribute("name")), Is.EqualTo(new[] { "ReceiveOrder", "ReceiveAudit" }));
        var operation = operations[0];
        Assert.That((string?)operation.Attribute("name"), Is.EqualTo("ReceiveOrder"));
        Assert.That(operation.Element(Wsdl + "fault"), Is.Not.Null);
        Assert.That((string?)wsdl.Descendants(Soap + "binding").Single().Attribute("style"), Is.EqualTo("document"));
        Assert.That((string?)wsdl.Descendants(Soap + "address").Single().Attribute("location"), Is.EqualTo(sandbox.ServiceAddress.AbsoluteUri));
        var schemaLocation = (string)wsdl.Descendants(Xs + "import").Single().Attribute("schemaLocation")!;
        Assert.That(schemaLocation, Is.EqualTo(sandbox.ServiceAddress.AbsoluteUri + "?xsd=ErpOrderReceiver.xsd"));

        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(await http.GetStringAsync(new Uri(schemaLocation)))))
        {
            schemas.Add(XmlSchema.Read(reader, null)!);
        }

        schemas.Compile();
        var request = (XmlSchemaElement)schemas.GlobalElements[new XmlQualifiedName("ReceiveOrder", Er.NamespaceName)]!;
        var parts = ((XmlSchemaSequence)((XmlSchemaComplexType)request.ElementSchemaType!).Particle!).Items.OfType<XmlSchemaElement>().Select(e => e.Name);
        Assert.That(parts, Is.EqualTo(new[] { "MessageId", "ChangeType", "Document" }));
        Assert.That(schemas.GlobalElements.Contains(new XmlQualifiedName("ReceiveOrderResponse", Er.NamespaceName)), Is.True);
        Assert.That(schemas.GlobalElements.Contains(new XmlQualifiedName("ReceiveOrderFault", Er.NamespaceName)), Is.True);
        Assert.That(schemas.GlobalElements.Contains(new XmlQualifiedName("ReceiveAudit", Er.NamespaceName)), Is.True);
        Assert.That(schemas.GlobalElements.Contains(new XmlQualifiedName("ReceiveAuditResponse", Er.NamespaceName)), Is.True);
    }

    [Test]
    public async Task UnknownSchemaName_IsNotServed()
    {
        using var response = await http.GetAsync(new Uri(sandbox.ServiceAddress + "?xsd=../Orders.xsd"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WithoutCredentials_401WithABasicChallenge()
    {
        using var response = await http.PostAsync(sandbox.ServiceAddress, Xml(Request("M-1", "New", Order("1"))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
        Assert.That(sandbox.State().Receipts, Is.Empty);
    }

    [Test]
    public async Task Post_TheSampleRequest_AnswersASalesOrderNumber()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Samples, "orders", "ReceiveOrder-ORDERS05-1042.xml"));

        var (status, answer) = await PostAsync(sample);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        var response = answer.Descendants(Er + "ReceiveOrderResponse").Single();
        Assert.That((string?)response.Element(Er + "ErpDocumentNumber"), Is.EqualTo("0000012345"));
        Assert.That((string?)response.Element(Er + "Status"), Is.EqualTo("Created"));
        Assert.That(sandbox.State().DocumentFor("WEBSHOP/1042"), Is.Not.Null);
    }

    [Test]
    public async Task Post_EnvelopeWithADtd_ClientFaultAndNothingCreated()
    {
        var body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>" + Request("M-DTD", "New", Order("2"));

        var (status, answer) = await PostAsync(body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(FaultCode(answer), Is.EqualTo("soap:Client"));
        Assert.That(sandbox.State().Documents, Is.Empty);
    }

    [Test]
    public async Task Post_Soap12Envelope_VersionMismatchFault()
    {
        var body = Request("M-12", "New", Order("3")).Replace(Envelope.NamespaceName, "http://www.w3.org/2003/05/soap-envelope", StringComparison.Ordinal);

        var (_, answer) = await PostAsync(body);

        Assert.That(FaultCode(answer), Is.EqualTo("soap:VersionMismatch"));
    }

    [TestCase("Delete", "InvalidChangeType")]
    [TestCase("New", "InvalidDocument")]
    public async Task Post_InvalidRequest_ClientFaultWithACode(string changeType, string code)
    {
        var document = code == "InvalidDocument" ? "<Something xmlns=\"urn:x\"/>" : Order("4");

        var (_, answer) = await PostAsync(Request("M-INV", changeType, document));

        Assert.That(FaultCode(answer), Is.EqualTo("soap:Client"));
        Assert.That((string?)answer.Descendants(Er + "Code").Single(), Is.EqualTo(code));
    }

    [Test]
    public async Task Post_IdocWhoseMessageTypeDoesNotFitTheChangeType_ClientFault()
    {
        var idoc = XDocument.Load(Path.Combine(RepositoryFolders.Xslt, "erp", "ORDERS05.cases", "update", "expected.xml")).Root!.ToString();

        var (_, answer) = await PostAsync(Request("M-MT", "New", idoc));

        Assert.That(FaultCode(answer), Is.EqualTo("soap:Client"));
        Assert.That((string?)answer.Descendants(Er + "Text").Single(), Does.Contain("ORDERS"));
    }

    [Test]
    public async Task AdminEndpoints_SetFaultsAndShowState()
    {
        using (var faults = await http.PostAsync(new Uri(sandbox.BaseAddress, "_sandbox/faults"), new StringContent("{\"fail_next\":1,\"fault_code\":\"Server\",\"code\":\"TryLater\",\"text\":\"locked\"}", Encoding.UTF8, "application/json")))
        {
            Assert.That(faults.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var (_, refused) = await PostAsync(Request("M-ADM", "New", Order("5")));
        var (status, _) = await PostAsync(Request("M-ADM", "New", Order("5")));
        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseAddress, "_sandbox/state")));

        Assert.That((string?)refused.Descendants(Er + "Code").Single(), Is.EqualTo("TryLater"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var document = state.RootElement.GetProperty("documents").EnumerateArray().Single();
        Assert.That(document.GetProperty("order_key").GetString(), Is.EqualTo("shop-eu/5"));
        Assert.That(document.GetProperty("change_types")[0].GetString(), Is.EqualTo("New"));
        Assert.That(state.RootElement.GetProperty("receipts")[0].GetProperty("message_id").GetString(), Is.EqualTo("M-ADM"));
    }

    private static string Order(string number) => ErpTestOrders.Order(number).Root!.ToString();

    private static string Request(string messageId, string changeType, string document) =>
        $"<soap:Envelope xmlns:soap=\"{Envelope.NamespaceName}\"><soap:Body><ReceiveOrder xmlns=\"{Er.NamespaceName}\">" +
        $"<MessageId>{messageId}</MessageId><ChangeType>{changeType}</ChangeType><Document>{document}</Document></ReceiveOrder></soap:Body></soap:Envelope>";

    private static StringContent Xml(string body) => new(body, Encoding.UTF8, "text/xml");

    private static string? FaultCode(XDocument answer) => (string?)answer.Descendants(Envelope + "Fault").Single().Element("faultcode");

    private async Task<(HttpStatusCode Status, XDocument Answer)> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.ServiceAddress) { Content = Xml(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ERPBRIDGE:sandbox-password")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
