using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Soap;

/// <summary>Hand-written envelopes against the real host: every operation, and every class of refusal.</summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class RawEnvelopeTests
{
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?> { ["ErpBridge:Soap:MaxMessageBytes"] = "65536" });
        await StoredOrders.AddShippedOrderAsync(bridge);
        client = new SoapClient(bridge.ServiceAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
    }

    [TestCase(SoapVersionUnderTest.Soap11)]
    [TestCase(SoapVersionUnderTest.Soap12)]
    public async Task SubmitInventory_NewMessage_IsAcceptedForRoutedChannels(SoapVersionUnderTest version)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id), version: version), version);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body);
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"));
        Assert.That(response.Receipt!.Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value), Is.EqualTo(DemoChannels.Routed));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM deliveries WHERE message_id = @id", id), Is.EqualTo(DemoChannels.Routed.Length));
    }

    [Test]
    public async Task SubmitInventory_SameMessageTwice_SecondIsDuplicateAndCreatesNothing()
    {
        var id = Envelopes.NewId();
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
        // Other prefixes and whitespace, same content: still the same message.
        var again = Envelopes.Wrap(Envelopes.Inventory(id).Replace("inv:", "i:", StringComparison.Ordinal).Replace("xmlns:inv", "xmlns:i", StringComparison.Ordinal));
        var second = await client.PostAsync(again);

        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"));
        Assert.That(second.ReceiptStatus, Is.EqualTo("Duplicate"), second.Body);
        Assert.That(Value(second, "ReceivedAt"), Is.EqualTo(Value(first, "ReceivedAt")));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM deliveries WHERE message_id = @id", id), Is.EqualTo(DemoChannels.Routed.Length));
    }

    [Test]
    public async Task SubmitProducts_SameContentOtherLexicalForms_Duplicate()
    {
        // zeep writes +00:00 where JAX-WS writes Z; 1.250 is the price 1.25.
        var id = Envelopes.NewId();
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Products(id).Replace("2026-11-26T10:00:00+01:00", "2026-11-26T09:00:00Z", StringComparison.Ordinal)));
        var again = Envelopes.Products(id)
            .Replace("<prd:Price>1.25</prd:Price>", "<prd:Price>1.250</prd:Price>", StringComparison.Ordinal)
            .Replace(">12.5</prd:Weight>", ">12.50</prd:Weight>", StringComparison.Ordinal);
        var second = await client.PostAsync(Envelopes.Wrap(again));

        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"), first.Body);
        Assert.That(second.ReceiptStatus, Is.EqualTo("Duplicate"), second.Body);
    }

    [Test]
    public async Task SubmitInventory_IdenticalRequestsAtOnce_ExactlyOneAccepted()
    {
        var id = Envelopes.NewId();
        var envelope = Envelopes.Wrap(Envelopes.Inventory(id));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.PostAsync(envelope)));

        Assert.That(responses.Count(r => r.ReceiptStatus == "Accepted"), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.ReceiptStatus == "Duplicate"), Is.EqualTo(23));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM deliveries WHERE message_id = @id", id), Is.EqualTo(DemoChannels.Routed.Length));
    }

    [Test]
    public async Task SubmitInventory_SameIdOtherContent_MessageIdConflict()
    {
        var id = Envelopes.NewId();
        await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id, items: 2)));
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id, items: 3)));

        AssertFault(response, "MessageIdConflict", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain(id));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id AND payload LIKE '%MAT-10002%' AND payload NOT LIKE '%MAT-10003%'", id), Is.EqualTo(1), "the first content stays");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM deliveries WHERE message_id = @id", id), Is.EqualTo(DemoChannels.Routed.Length));
    }

    [Test]
    public async Task SubmitProducts_Valid_Accepted()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Products(Envelopes.NewId())));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
    }

    [Test]
    public async Task SubmitShipments_NamedChannel_RoutedToThatChannelOnly()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Shipments(Envelopes.NewId(), "bigcommerce-demo")));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        Assert.That(response.Receipt!.Descendants().Where(e => e.Name.LocalName == "Channel").Select(e => e.Value), Is.EqualTo(new[] { "bigcommerce-demo" }));
    }

    [Test]
    public async Task SubmitShipments_UnknownChannel_Fault()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Shipments(id, "no-such-store")));
        AssertFault(response, "UnknownChannel", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("no-such-store"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task SubmitDocument_ConfiguredType_StoredWithPayload()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id)));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT payload FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        Assert.That((string?)await command.ExecuteScalarAsync(), Does.Contain("<MATNR>MAT-3001</MATNR>"));
    }

    [Test]
    public async Task SubmitDocument_PayloadWithCommentAndInstruction_StoredAsSent()
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Document(id).Replace("<E1MARAM SEGMENT=\"1\">", "<!-- changed by MM02 --><?sap-trace on?><E1MARAM SEGMENT=\"1\">", StringComparison.Ordinal);
        Assert.That(body, Does.Contain("MM02"), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT payload FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        Assert.That((string?)await command.ExecuteScalarAsync(), Does.Contain("<!-- changed by MM02 --><?sap-trace on?><E1MARAM"));
    }

    [Test]
    public async Task SubmitDocument_UnknownType_FaultNamesConfiguredTypes()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id, "ORDERS05")));
        AssertFault(response, "UnknownDocumentType", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("ORDERS05").And.Contain("MATMAS05"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task GetMessageStatus_Accepted_ListsPendingDeliveries()
    {
        var id = Envelopes.NewId();
        await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id)));
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Status(id)));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body);
        var deliveries = response.Xml.Descendants().Where(e => e.Name.LocalName == "Delivery").ToList();
        Assert.That(deliveries, Has.Count.EqualTo(DemoChannels.Routed.Length));
        Assert.That(deliveries.Select(d => d.Elements().First(e => e.Name.LocalName == "Status").Value), Is.All.EqualTo("Pending"));
        Assert.That(response.Xml.Descendants().First(e => e.Name.LocalName == "MessageType").Value, Is.EqualTo("Inventory"));
    }

    [Test]
    public async Task GetMessageStatus_Unknown_MessageNotFound()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Status("never-sent")));
        AssertFault(response, "MessageNotFound", "s:Client", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task SapDefaultSoapAction_DispatchesOnBodyElement()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())), soapAction: "http://sap.com/xi/WebService/soap1.1");
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
    }

    [Test]
    public async Task MalformedXml_Fault()
    {
        var response = await client.PostAsync("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken></soap:Body>");
        AssertFault(response, "MalformedXml", "s:Client", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task NotAnEnvelope_Fault()
    {
        var response = await client.PostAsync("<order><id>1</id></order>");
        AssertFault(response, "MalformedXml", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("order"));
    }

    [TestCase("<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>")]
    [TestCase("<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")]
    public async Task Dtd_Refused(string doctype)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(doctype + Envelopes.Wrap(Envelopes.Inventory(id)));
        AssertFault(response, "DtdProhibited", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.Body, Does.Not.Contain("root:"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task Oversized_MessageTooLarge()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId(), items: 1000)));
        AssertFault(response, "MessageTooLarge", "s:Client", HttpStatusCode.RequestEntityTooLarge);
        Assert.That(response.FaultReason, Does.Contain("65536"));
    }

    [Test]
    public async Task Soap12EnvelopeAsTextXml_VersionMismatch()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), version: SoapVersionUnderTest.Soap12), SoapVersionUnderTest.Soap11);
        AssertFault(response, "VersionMismatch", "s:VersionMismatch", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("application/soap+xml"));
    }

    [Test]
    public async Task UnknownEnvelopeNamespace_VersionMismatch()
    {
        var response = await client.PostAsync("<e:Envelope xmlns:e=\"urn:not-soap\"><e:Body/></e:Envelope>");
        AssertFault(response, "VersionMismatch", "s:VersionMismatch", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task JsonContentType_UnsupportedMediaType()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())), contentType: "application/json");
        AssertFault(response, "UnsupportedMediaType", "s:Client", HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task UnknownOperation_FaultListsOperations()
    {
        var response = await client.PostAsync(Envelopes.Wrap("<x:DeleteEverything xmlns:x=\"urn:erpbridge:inventory:v1\"/>"));
        AssertFault(response, "UnknownOperation", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("DeleteEverything").And.Contain("SubmitInventory"));
    }

    [Test]
    public async Task WrongNamespace_UnknownOperation()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()).Replace("urn:erpbridge:inventory:v1", "urn:erpbridge:inventory:v2", StringComparison.Ordinal)));
        AssertFault(response, "UnknownOperation", "s:Client", HttpStatusCode.InternalServerError);
    }

    [TestCase("<inv:Quantity>10</inv:Quantity>", "<inv:Quantity>ten</inv:Quantity>", "Quantity")]
    [TestCase("<inv:Location>WH01</inv:Location>", "", "Location")]
    [TestCase("<inv:Sku>MAT-10001</inv:Sku>", "<inv:Sku> MAT-1 </inv:Sku>", "Sku")]
    public async Task SchemaViolation_ReasonNamesElement(string valid, string invalid, string element)
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Inventory(id, items: 1).Replace(valid.Replace("MAT-10001", "MAT-10001", StringComparison.Ordinal), invalid, StringComparison.Ordinal);
        Assert.That(body, Does.Not.Contain(valid), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));

        AssertFault(response, "SchemaViolation", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain(element));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task PriceBeyondDecimalRange_SchemaViolationNothingStored()
    {
        // xs:decimal has no upper bound in XSD, the contract's decimal has (about 7.9e28): a client fault naming the
        // element, not an internal error, and nothing stored.
        var id = Envelopes.NewId();
        var body = Envelopes.Products(id).Replace("<prd:Price>1.25</prd:Price>", "<prd:Price>1" + new string('0', 40) + "</prd:Price>", StringComparison.Ordinal);
        Assert.That(body, Does.Not.Contain("<prd:Price>1.25</prd:Price>"), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));

        AssertFault(response, "SchemaViolation", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("Price"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task SubmitProducts_ProductWithoutPriceAndCurrency_IsAcceptedAndStoredWithoutThem()
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Products(id).Replace("<prd:Price>1.25</prd:Price><prd:Currency>EUR</prd:Currency>", "", StringComparison.Ordinal);
        Assert.That(body, Does.Not.Contain("<prd:Price>1.25</prd:Price>"), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));

        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand("SELECT payload FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        var payload = (string)(await command.ExecuteScalarAsync())!;
        Assert.That(payload, Does.Not.Contain("1.25").And.Contain("0.05"), "the first product has no price, the second keeps its own");
        Assert.That(payload.Split("Currency>").Length, Is.EqualTo(3), "one Currency element, the second product's");
    }

    [Test]
    public async Task SubmitProducts_PriceWithoutCurrency_SchemaViolation()
    {
        var id = Envelopes.NewId();
        var body = Envelopes.Products(id).Replace("<prd:Price>1.25</prd:Price><prd:Currency>EUR</prd:Currency>", "<prd:Price>1.25</prd:Price>", StringComparison.Ordinal);
        Assert.That(body, Does.Not.Contain("<prd:Currency>EUR</prd:Currency><prd:Status>active"), "the test must change the body");
        var response = await client.PostAsync(Envelopes.Wrap(body));

        AssertFault(response, "SchemaViolation", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task SchemaViolation_Soap12_SenderFaultWith500()
    {
        var body = Envelopes.Products(Envelopes.NewId()).Replace("<prd:Currency>EUR</prd:Currency>", "<prd:Currency>euro</prd:Currency>", StringComparison.Ordinal);
        var response = await client.PostAsync(Envelopes.Wrap(body, version: SoapVersionUnderTest.Soap12), SoapVersionUnderTest.Soap12);
        AssertFault(response, "SchemaViolation", "s:Sender", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("Currency"));
    }

    [TestCase("demo-erp", "wrong-password")]
    [TestCase("nobody", "demo-erp-password")]
    public async Task WrongCredentials_AuthenticationFailedSaysNothingMore(string user, string password)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id), Envelopes.PasswordToken(user, password)));
        AssertFault(response, "AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Is.EqualTo("Authentication failed."));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task NoCredentials_AuthenticationFailed()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), header: ""));
        AssertFault(response, "AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task HttpBasic_Accepted()
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-erp:demo-erp-password")));
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), header: ""), authorization: basic);
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);
    }

    [Test]
    public async Task PasswordDigest_FreshNonce_AcceptedOnceThenReplayRefused()
    {
        var token = Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow());
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        var replay = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));

        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"), first.Body);
        AssertFault(replay, "AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task PasswordDigest_ReplayWithNonceSpeltOtherwise_Refused()
    {
        var token = Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow());
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        // Base64 allows whitespace: the same nonce bytes in another spelling are still a replay.
        var start = token.IndexOf("Base64Binary\">", StringComparison.Ordinal) + "Base64Binary\">".Length;
        var respelt = token.Insert(start + 4, " \n ");
        var id = Envelopes.NewId();
        var replay = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(id, items: 7), respelt));

        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"), first.Body);
        AssertFault(replay, "AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [TestCase("ErpBridgeService.svc/")]
    [TestCase("ErpBridgeService.svc//")]
    [TestCase("ErpBridgeService.svc/SubmitInventory")]
    [TestCase("ERPBRIDGESERVICE.SVC/")]
    public async Task PathBelowTheEndpoint_NotServedAndNothingStored(string path)
    {
        var id = Envelopes.NewId();
        using var http = new HttpClient();
        using var content = new StringContent(Envelopes.Wrap(Envelopes.Inventory(id), header: ""), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        using var response = await http.PostAsync(new Uri(bridge.BaseAddress, path), content);
        using var get = await http.GetAsync(new Uri(bridge.BaseAddress, path + "?MessageId=" + id));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task OtherMethodOnTheEndpoint_MethodNotAllowed()
    {
        using var http = new HttpClient();
        using var response = await http.PutAsync(bridge.ServiceAddress, new StringContent(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()))));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Soap11EnvelopeAsSoap12MediaType_VersionMismatch()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())), SoapVersionUnderTest.Soap12);
        AssertFault(response, "VersionMismatch", "s:VersionMismatch", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("text/xml"));
    }

    [Test]
    public async Task Utf16DocumentWithDtd_DtdProhibited()
    {
        using var http = new HttpClient();
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><!DOCTYPE x [<!ENTITY e \"e\">]>" + Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()));
        using var content = new ByteArrayContent(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-16");
        using var response = await http.PostAsync(bridge.ServiceAddress, content);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<c:Code>DtdProhibited</c:Code>"));
    }

    [Test]
    public async Task MalformedDocumentMentioningDoctypeInComment_MalformedXml()
    {
        var response = await client.PostAsync("<!-- no <!DOCTYPE here -->" + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><x></soap:Body>");
        AssertFault(response, "MalformedXml", "s:Client", HttpStatusCode.InternalServerError);
    }

    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{0}</soap:Body>")]
    [TestCase("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><t:Tx xmlns:t=\"urn:x\" soap:mustUnderstand=\"1\"/></soap:Header><soap:Body>{0}</soap:Body></soap:Envelope>")]
    public async Task RefusedEnvelope_StoresNothing(string template)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Envelopes.Inventory(id)));
        Assert.That(response.FaultCode, Is.Not.Null, response.Body);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM messages WHERE message_id = @id", id), Is.Zero);
    }

    [Test]
    public async Task PasswordDigest_CreatedOutsideWindow_Refused()
    {
        var token = Envelopes.DigestToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword, TimeProvider.System.GetUtcNow().AddMinutes(-30));
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), token));
        AssertFault(response, "AuthenticationFailed", "s:Client", HttpStatusCode.InternalServerError);
    }

    [Test]
    public async Task UnknownMustUnderstandHeader_Fault()
    {
        var header = Envelopes.PasswordToken(BridgeFixture.DemoUser, BridgeFixture.DemoPassword) + "<t:Tx xmlns:t=\"urn:example:tx\" soap:mustUnderstand=\"1\">42</t:Tx>";
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId()), header));
        AssertFault(response, "MustUnderstand", "s:Client", HttpStatusCode.InternalServerError);
        Assert.That(response.FaultReason, Does.Contain("Tx"));
    }

    [Test]
    public async Task DatabaseFailure_ServerFaultCarriesOnlyCorrelationId()
    {
        await ExecuteAsync("ALTER TABLE messages RENAME TO messages_away");
        try
        {
            var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Inventory(Envelopes.NewId())));
            AssertFault(response, "InternalError", "s:Server", HttpStatusCode.InternalServerError);
            Assert.That(response.Body, Does.Not.Contain("messages").And.Not.Contain("SQLite").And.Not.Contain(" at "));
            Assert.That(response.FaultReason, Does.Contain(response.CorrelationId));
            Assert.That(bridge.ReadLogs(), Does.Contain(response.CorrelationId!).And.Contain("no such table"));
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE messages_away RENAME TO messages");
        }
    }

    [Test]
    public async Task Fault_CorrelationIdMatchesHeader()
    {
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Status("nope")));
        Assert.That(response.CorrelationId, Is.Not.Null.And.Not.Empty);
        Assert.That(response.Fault!.Elements().Last().Value, Is.EqualTo(response.CorrelationId));
    }

    private static void AssertFault(SoapResponse response, string code, string soapCode, HttpStatusCode status)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.FaultCode, Is.EqualTo(code), response.Body);
            Assert.That(response.SoapFaultCode, Is.EqualTo(soapCode), response.Body);
            Assert.That(response.Status, Is.EqualTo(status));
        });
    }

    private static string Value(SoapResponse response, string name) => response.Receipt!.Elements().First(e => e.Name.LocalName == name).Value;

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> CountAsync(string sql, string id)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("@id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
