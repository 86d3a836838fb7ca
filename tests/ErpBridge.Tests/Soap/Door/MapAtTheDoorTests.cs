using System.Xml.Linq;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.Soap.Door;

/// <summary>
/// Issue 15, requirements 1 and 2: SubmitDocument runs the inbound map before the receipt. A document the map refuses
/// is refused with MappingFailed (the map's own message as the reason) and nothing is stored; an accepted document is
/// stored with its canonical message; a document whose canonical type no route sends anywhere is refused with NoRoute.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class MapAtTheDoorTests
{
    private static readonly XNamespace Prd = "urn:erpbridge:products:v1";
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;
    private TempFolder maps = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The shipped maps plus two broken ones; stock routed nowhere.
        maps = new TempFolder();
        var root = maps.File("xslt");
        foreach (var file in Directory.EnumerateFiles(RepositoryFolders.Xslt, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryFolders.Xslt, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(root, "inbound", "WRONGTYPE.xslt"), TempMaps.Stylesheet(
            """<SubmitInventory xmlns="urn:erpbridge:inventory:v1"><MessageId>x</MessageId></SubmitInventory>"""));
        File.WriteAllText(Path.Combine(root, "inbound", "NOTCANONICAL.xslt"), TempMaps.Stylesheet("<Material/>"));

        // Quadratic on purpose: minutes for 20,000 elements.
        File.WriteAllText(Path.Combine(root, "inbound", "SLOW.xslt"), TempMaps.Stylesheet(
            """<SubmitProducts xmlns="urn:erpbridge:products:v1"><xsl:for-each select="in/e"><n><xsl:value-of select="count(../e[. &gt;= current()])"/></n></xsl:for-each></SubmitProducts>"""));
        var settings = new Dictionary<string, string?>
        {
            ["ErpBridge:Maps:Folder"] = root,
            ["ErpBridge:DocumentTypes:WRONGTYPE:Produces"] = "Products",
            ["ErpBridge:DocumentTypes:NOTCANONICAL:Produces"] = "Products",
            ["ErpBridge:DocumentTypes:SLOW:Produces"] = "Products",
            ["ErpBridge:IntakeMapTimeout"] = "00:00:03",
        };

        // No stock route: every demo channel's entry of the Development route blanked.
        for (var i = 0; i < DemoChannels.Routed.Length; i++)
        {
            settings[$"ErpBridge:Routes:Inventory:{i}"] = " ";
        }

        bridge = await BridgeFixture.StartAsync(settings);
        client = new SoapClient(bridge.ServiceAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
        maps.Dispose();
    }

    [Test]
    public async Task DocumentTheMapRefuses_MappingFailedWithTheMapsMessage_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, "DELVRY07", Case("DELVRY07", "no-tracking-is-rejected"))));

        Assert.That(response.FaultCode, Is.EqualTo("MappingFailed"), response.Body);
        Assert.That(response.SoapFaultCode, Is.EqualTo("s:Client"));
        Assert.That(response.FaultReason, Does.Contain("DELVRY07").And.Contain("no tracking number (BOLNR and TRAID are empty)"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [TestCase("WRONGTYPE", "produced a Inventory message", "produce Products")]
    [TestCase("NOTCANONICAL", "Material", "not a canonical message")]
    public async Task MapMakingNoMessageOfTheConfiguredType_MappingFailed_AndNothingStored(string documentType, string said, string alsoSaid)
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, documentType, "<Anything/>")));

        Assert.That(response.FaultCode, Is.EqualTo("MappingFailed"), response.Body);
        Assert.That(response.FaultReason, Does.Contain(said).And.Contain(alsoSaid));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task MapStillRunningAtTheTimeBound_StoppedAndMappingFailed_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var elements = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<e>{i}</e>"));
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, "SLOW", $"<in>{elements}</in>")));

        Assert.That(response.FaultCode, Is.EqualTo("MappingFailed"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("did not finish within 00:00:03").And.Contain("ErpBridge:IntakeMapTimeout"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task AcceptedDocument_StoredWithItsCanonicalMessage()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id)));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);

        var (payload, canonical) = await RowAsync(id);
        Assert.That(payload, Does.Contain("<MATNR>MAT-3001</MATNR>"), "the raw document as sent");
        var products = XDocument.Parse(canonical!);
        Assert.That(products.Root!.Name, Is.EqualTo(Prd + "SubmitProducts"));
        Assert.That(products.Descendants(Prd + "Sku").Select(s => s.Value), Is.EqualTo(new[] { "MAT-3001" }));
        Assert.That(products.Root.Element(Prd + "MessageId")!.Value, Is.EqualTo(id));
    }

    [Test]
    public async Task Cond_A03_IsReadByTheMapItsDocumentTypeNames_TheCondA04Map()
    {
        var id = Envelopes.NewId();
        var condA03 = Case("COND_A04", "sample").Replace("COND_A04", "COND_A03", StringComparison.Ordinal);
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, "COND_A03", condA03)));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);

        XNamespace prc = "urn:erpbridge:prices:v1";
        var prices = XDocument.Parse((await RowAsync(id)).Canonical!);
        Assert.That(prices.Root!.Name, Is.EqualTo(prc + "Prices"));
        Assert.That(prices.Descendants(prc + "Price"), Is.Not.Empty, "the COND_A04 map made the prices of the COND_A03 document");
    }

    [Test]
    public async Task CanonicalMessage_StoredWithoutASecondCopy()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Envelopes.Products(id)));
        Assert.That(response.ReceiptStatus, Is.EqualTo("Accepted"), response.Body);

        Assert.That((await RowAsync(id)).Canonical, Is.Null);
    }

    [Test]
    public async Task DocumentProducingStockWithNoStockRoute_NoRoute_AndNothingStored()
    {
        var id = Envelopes.NewId();
        var response = await client.PostAsync(Envelopes.Wrap(Document(id, "LOISTD01", Case("LOISTD01", "sample"))));

        Assert.That(response.FaultCode, Is.EqualTo("NoRoute"), response.Body);
        Assert.That(response.FaultReason, Does.Contain("LOISTD01").And.Contain("ErpBridge:Routes:Inventory"));
        Assert.That(await StoredAsync(id), Is.Zero);
    }

    [Test]
    public async Task SameDocumentTwice_Duplicate()
    {
        var id = Envelopes.NewId();
        var first = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id)));
        var again = await client.PostAsync(Envelopes.Wrap(Envelopes.Document(id)));

        Assert.That(first.ReceiptStatus, Is.EqualTo("Accepted"), first.Body);
        Assert.That(again.ReceiptStatus, Is.EqualTo("Duplicate"), again.Body);
    }

    /// <summary>A golden case's input, the IDoc's root element as the Payload holds it.</summary>
    internal static string Case(string map, string name) =>
        XDocument.Load(Path.Combine(RepositoryFolders.Xslt, "inbound", map + ".cases", name, "input.xml")).Root!.ToString(SaveOptions.DisableFormatting);

    internal static string Document(string messageId, string documentType, string payload) =>
        $"""<doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>SAP-ECC</doc:SourceSystem><doc:DocumentType>{documentType}</doc:DocumentType><doc:Payload>{payload}</doc:Payload></doc:SubmitDocument>""";

    private async Task<long> StoredAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT (SELECT COUNT(*) FROM messages WHERE message_id = @id) + (SELECT COUNT(*) FROM deliveries WHERE message_id = @id)", connection);
        command.Parameters.AddWithValue("@id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string Payload, string? Canonical)> RowAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={bridge.DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT payload, canonical FROM messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "the message is stored");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
