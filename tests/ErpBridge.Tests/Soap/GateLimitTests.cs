using System.Net;
using System.Text;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Soap;

/// <summary>
/// The limits at the door (issue 14): nesting depth, text lengths, items per message, one element per Body, and
/// characters XML forbids. Each is refused with a SOAP fault of the request's version naming the limit, and nothing is
/// stored.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class GateLimitTests
{
    private const int ItemsLimit = 100;
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The default depth and lengths, a small item limit so that the test stays small.
        bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            ["ErpBridge:Soap:MaxItemsPerMessage"] = ItemsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        client = new SoapClient(bridge.ServiceAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
    }

    [TestCase(SoapVersionUnderTest.Soap11, "s:Client")]
    [TestCase(SoapVersionUnderTest.Soap12, "s:Sender")]
    public async Task DeeplyNestedPayload_LimitExceededNamingTheDepth(SoapVersionUnderTest version, string soapCode)
    {
        // What the issue sent: a SubmitDocument whose Payload nests 100,000 elements.
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, Nested(100_000)), version: version), version);

        AssertFault(response, "LimitExceeded", soapCode);
        Assert.That(response.FaultReason, Does.Contain("128").And.Contain("nest"));
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [Test]
    public async Task DeepPayloadWithWrongCredentials_AuthenticationFailedStands()
    {
        // The refusal found first is the answer; the limit crossed further on stops the reading, nothing more.
        var response = await client.PostAsync(Envelopes.Wrap(Document(Envelopes.NewId(), Nested(1_000)), Envelopes.PasswordToken("nobody", "x")));

        AssertFault(response, "AuthenticationFailed", "s:Client");
    }

    [Test]
    public async Task NestingAtTheLimit_AcceptedOneDeeper_Refused()
    {
        // Envelope, Body, SubmitDocument, Payload, then MATMAS05, IDOC and E1MARAM (levels 5 to 7, a material the map
        // takes, since the map runs before the receipt): the nested segments start at level 8, so 121 of them reach 128.
        var atLimit = Envelopes.NewId();
        var beyond = Envelopes.NewId();
        var accepted = await client.PostAsync(Envelopes.Wrap(Document(atLimit, Nested(121))));
        var refused = await client.PostAsync(Envelopes.Wrap(Document(beyond, Nested(122))));

        Assert.That(accepted.ReceiptStatus, Is.EqualTo("Accepted"), accepted.Body);
        AssertFault(refused, "LimitExceeded", "s:Client");
        Assert.That(refused.FaultReason, Does.Contain("level 129"));
        Assert.That(await CountAsync(beyond), Is.Zero);
    }

    [Test]
    public async Task DeepestRealIdocSample_AcceptedAtTheDefaultDepth()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Samples, "idoc", "SubmitDocument-DELVRY07.xml"));
        var id = Envelopes.NewId();
        var envelope = text
            .Replace("4F1A9C2E7B3D11EFA1B2005056A1C0DE", id, StringComparison.Ordinal)
            .Replace("<soap:Body>", "<soap:Header>" + Envelopes.PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword) + "</soap:Header><soap:Body>", StringComparison.Ordinal);
        Assert.That(envelope, Does.Contain(id), "the test must change the sample's message id");
        await StoredOrders.AddAsync(bridge, "shopify-demo", "9001"); // the order the sample ships, as if polled from the store

        var response = await client.PostAsync(envelope);

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
    }

    [Test]
    public async Task ItemsAtTheLimit_AcceptedOneMore_LimitExceeded()
    {
        var atLimit = Envelopes.NewId();
        var beyond = Envelopes.NewId();
        var accepted = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(atLimit, items: ItemsLimit)));
        var refused = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(beyond, items: ItemsLimit + 1)));

        Assert.That(accepted.ReceiptStatus, Is.EqualTo("Accepted"), accepted.Body);
        AssertFault(refused, "LimitExceeded", "s:Client");
        Assert.That(refused.FaultReason, Does.Contain("100 items"));
        Assert.That(await CountAsync(beyond), Is.Zero);
    }

    [Test]
    public async Task TwoOperationElementsInTheBody_SchemaViolationAndNeitherStored()
    {
        var first = Envelopes.NewId();
        var second = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(first) + Envelopes.Inventory(second)));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(response.FaultReason, Does.Contain("one").And.Contain("SubmitInventory"));
        Assert.That(await CountAsync(first), Is.Zero);
        Assert.That(await CountAsync(second), Is.Zero);
    }

    [Test]
    public async Task TextAfterTheOperationElement_SchemaViolation()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id) + "trailing words"));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [TestCase("\u0001")]
    [TestCase("&#x1;")]
    [TestCase("&#1;")]
    [TestCase("&#xD800;")]
    [TestCase("&#xFFFE;")]
    [TestCase("&#0;")]
    public async Task ForbiddenCharacterInABodyField_MalformedXmlFault(string character)
    {
        foreach (var (version, soapCode) in new[] { (SoapVersionUnderTest.Soap11, "s:Client"), (SoapVersionUnderTest.Soap12, "s:Sender") })
        {
            var id = Envelopes.NewId();
            var body = Envelopes.Inventory(id).Replace("SAP-ECC", "SAP" + character + "ECC", StringComparison.Ordinal);
            var response = await client.PostAsync(Envelopes.Wrap(body, version: version), version);

            AssertFault(response, "MalformedXml", soapCode);
            Assert.That(response.MediaType, Is.EqualTo(version == SoapVersionUnderTest.Soap11 ? "text/xml" : "application/soap+xml"));
            Assert.That(await CountAsync(id), Is.Zero);
        }
    }

    [TestCase("\u0001")]
    [TestCase("&#x1;")]
    [TestCase("&#xD800;")]
    public async Task ForbiddenCharacterInADocumentPayload_MalformedXmlFault(string character)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id).Replace("MAT-3001", "MAT" + character + "3001", StringComparison.Ordinal)));

        AssertFault(response, "MalformedXml", "s:Client");
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [TestCase("\u0001")]
    [TestCase("&#x1;")]
    public async Task ForbiddenCharacterInTheSecurityHeader_MalformedXmlFault(string character)
    {
        var id = Envelopes.NewId();
        var header = Envelopes.PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword).Replace(BridgeFixture.DemoUser, "demo" + character, StringComparison.Ordinal);
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id), header));

        AssertFault(response, "MalformedXml", "s:Client");
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [Test]
    public async Task ForbiddenCharacterInAStatusRequest_MalformedXmlFault()
    {
        // GetMessageStatus goes on to SoapCore after the gate: the gate must answer first.
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Status("T-1").Replace("T-1", "T&#x1;1", StringComparison.Ordinal)));
        AssertFault(response, "MalformedXml", "s:Client");
    }

    [Test]
    public async Task ForbiddenCharacterInUtf16_MalformedXmlFault()
    {
        using var http = new HttpClient();
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>" + Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()).Replace("SAP-ECC", "SAP\u0001ECC", StringComparison.Ordinal));
        using var content = new ByteArrayContent([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-16");
        using var response = await http.PostAsync(bridge.ServiceAddress, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<c:Code>MalformedXml</c:Code>"));
    }

    [Test]
    public async Task DescriptionBeyondItsLength_SchemaViolationNamingTheLimitWithoutEchoingTheText()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(ProductsWithDescription(id, new string('x', 2_097_153))));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(response.FaultReason, Does.Contain("Description").And.Contain("2097152"));
        Assert.That(response.Body, Has.Length.LessThan(4000), "the reason must not echo two megabytes back");
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [Test]
    public async Task DescriptionOfSixtyThousandLines_Accepted()
    {
        // The poison description (about 1 MB) is within the contract: the maps and the budget deal with it.
        var id = Envelopes.NewId();
        var description = string.Concat(Enumerable.Range(1, 60_000).Select(i => $"line {i} of text\n"));
        var response = await client.PostAsync(Envelopes.Wrap(ProductsWithDescription(id, description)));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body.Length > 2000 ? response.Body[..2000] : response.Body);
    }

    [TestCase("<shp:TrackingUrl>https://www.dhl.com/track?id=JJD000390007711</shp:TrackingUrl>", "<shp:TrackingUrl>https://www.dhl.com/track?id={0}</shp:TrackingUrl>", 2048, "TrackingUrl")]
    [TestCase("<shp:TrackingNumber>JJD000390007711</shp:TrackingNumber>", "<shp:TrackingNumber>{0}</shp:TrackingNumber>", 255, "TrackingNumber")]
    public async Task ShipmentFieldBeyondItsLength_SchemaViolation(string valid, string template, int limit, string element)
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Shipments(id).Replace(valid, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('1', limit + 1)), StringComparison.Ordinal);
        Assert.That(body, Does.Not.Contain(valid), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(response.FaultReason, Does.Contain(element).And.Contain(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [Test]
    public async Task AttributeValueBeyondItsLength_SchemaViolation()
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Products(id).Replace("<prd:Value>Steel</prd:Value>", "<prd:Value>" + new string('s', 65_536) + "</prd:Value>", StringComparison.Ordinal);
        var response = await client.PostAsync(Envelopes.Wrap(body));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(response.FaultReason, Does.Contain("Value").And.Contain("65535"));
        Assert.That(await CountAsync(id), Is.Zero);
    }

    [Test]
    public async Task SkuBeyondItsLength_ReasonNamesTheLimit()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id, items: 1, sku: new string('M', 300))));

        AssertFault(response, "SchemaViolation", "s:Client");
        Assert.That(response.FaultReason, Does.Contain("Sku").And.Contain("255"));
        Assert.That(await CountAsync(id), Is.Zero);
    }

    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("<E1>", levels)) + "x" + string.Concat(Enumerable.Repeat("</E1>", levels));

    private static string Document(string id, string payload) =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{id}</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>SAP-ECC</doc:SourceSystem><doc:DocumentType>MATMAS05</doc:DocumentType><doc:Payload><MATMAS05><IDOC BEGIN="1"><E1MARAM SEGMENT="1"><MATNR>MAT-3002</MATNR><E1MBEWM SEGMENT="1"><BWKEY>1000</BWKEY><VPRSV>V</VPRSV><VERPR>7.5</VERPR></E1MBEWM>{payload}</E1MARAM></IDOC></MATMAS05></doc:Payload></doc:SubmitDocument>""";

    private static string ProductsWithDescription(string id, string description) =>
        Envelopes.Products(id).Replace("<prd:Description>Zinc plated</prd:Description>", "<prd:Description>" + description + "</prd:Description>", StringComparison.Ordinal);

    private static void AssertFault(SoapResponse response, string code, string soapCode)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError), response.Body.Length > 2000 ? response.Body[..2000] : response.Body);
            Assert.That(response.Body, Is.Not.Empty, "a SOAP fault, not an empty answer");
        });
        Assert.Multiple(() =>
        {
            Assert.That(response.FaultCode, Is.EqualTo(code), response.Body.Length > 2000 ? response.Body[..2000] : response.Body);
            Assert.That(response.SoapFaultCode, Is.EqualTo(soapCode));
        });
    }

    private async Task<long> CountAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT COUNT(*) FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
