using System.Xml.Linq;
using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.ErpPush;
using ErpBridge.ErpPush.Audit;
using ErpBridge.Orders;
using ErpBridge.Orders.Audits;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Storage;
using ErpBridge.Tests.ErpPush;
using ErpBridge.Tests.Storage;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Orders;

/// <summary>
/// ALE audits end to end below the host: documents settled in a real SQLite store, the runner queues and sends their
/// ALEAUD01 through the WCF client to the SAP-style ERP sandbox over real Kestrel, which checks it against its XSD.
/// </summary>
public sealed class IdocAuditTests
{
    private const string Sap = "PRDCLNT100";
    private const string Password = "erp-test-password";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly ManualTimeProvider time = new(T0);
    private StorageDatabase database = null!;
    private SqlMessageStore messages = null!;
    private SqlDeliveryStore deliveries = null!;
    private SqlIdocAuditStore audits = null!;
    private ErpSandbox erp = null!;
    private ErpEndpoints endpoints = null!;

    [SetUp]
    public async Task StartAsync()
    {
        database = await StorageDatabase.CreateAsync(new StorageTarget("Sqlite"));
        messages = database.CreateStore();
        deliveries = new SqlDeliveryStore(database.Dialect, database.Options, messages);
        audits = new SqlIdocAuditStore(database.Dialect, database.Options, messages);
        erp = await ErpSandbox.StartAsync(new ErpSandboxOptions { Password = Password, ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);
        endpoints = Endpoints();
    }

    [TearDown]
    public async Task StopAsync()
    {
        endpoints?.Dispose();
        if (erp is not null)
        {
            await erp.DisposeAsync();
        }

        if (messages is not null)
        {
            await messages.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task DeliveredIdoc_OneAleaud01With41_ReachesTheErp()
    {
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a", "shop-b"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);
        await SettleAsync("shop-b", DeliveryStatus.Delivered);

        var first = await Runner().RunAsync(CancellationToken.None);
        var second = await Runner().RunAsync(CancellationToken.None);

        Assert.That(first, Is.EqualTo((1, 1)));
        Assert.That(second, Is.EqualTo((0, 0)), "an audit is written and sent once");
        var audit = erp.State().Audits.Single();
        var confirmation = audit.Confirmations.Single();
        Assert.That(confirmation.DocNum, Is.EqualTo(AleAuditSamples.DeliveryDocNum), "the sender's own IDoc number, so SAP can match it");
        Assert.That(confirmation.Status, Is.EqualTo("41"));
        Assert.That(confirmation.StatusText, Is.EqualTo("Delivered to shop-a, shop-b"));
        Assert.That(audit.MessageId, Is.EqualTo(IdocOutcomes.AuditMessageId("doc-1")));
        Assert.That(AleAuditSamples.Validate(XElement.Parse(audit.Content)), Is.Empty);
        var view = await audits.FindAsync("doc-1", CancellationToken.None);
        Assert.That((view!.State, view.ErpIdocNumber), Is.EqualTo(("Sent", audit.IdocNumber)));
    }

    [Test]
    public async Task FailedIdoc_51WithTheReasonCutToStatxt()
    {
        var error = "Permanent failure: the shop refused the fulfilment: order 100000042 is already fulfilled, nothing left to ship for line 1 (SKU MAT-100001)";
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a", "shop-b"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);
        await SettleAsync("shop-b", DeliveryStatus.Failed, error);

        await Runner().RunAsync(CancellationToken.None);

        var confirmation = erp.State().ConfirmationsOf(AleAuditSamples.DeliveryDocNum).Single();
        Assert.That(confirmation.Status, Is.EqualTo("51"));
        Assert.That(confirmation.StatusText, Is.EqualTo(("shop-b: " + error)[..70]));
        var state = XElement.Parse(erp.State().Audits.Single().Content).Descendants("E1STATE").Single();
        Assert.That((string?)state.Element("STAPA1_LNG"), Is.EqualTo("shop-b"));
        Assert.That((string?)state.Element("STATYP"), Is.EqualTo("E"));
    }

    [Test]
    public async Task FailedStatus_IsConfigurable_40()
    {
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Failed, "refused");

        await Runner(failedStatus: "40").RunAsync(CancellationToken.None);

        Assert.That(erp.State().ConfirmationsOf(AleAuditSamples.DeliveryDocNum).Single().Status, Is.EqualTo("40"));
    }

    [Test]
    public async Task SourceSystemWithAuditsOff_GetsNoAudit()
    {
        await AcceptAsync("doc-1", "OTHERSYS", AleAuditSamples.Delvry07(), ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var run = await Runner().RunAsync(CancellationToken.None);

        Assert.That(run, Is.EqualTo((0, 0)));
        Assert.That(erp.State().Audits, Is.Empty);
        Assert.That(await audits.FindAsync("doc-1", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task OutcomeNotKnownYet_NoAudit_UntilTheLastChannelEnds()
    {
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a", "shop-b"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var whileOpen = await Runner().RunAsync(CancellationToken.None);
        await SettleAsync("shop-b", DeliveryStatus.Delivered);
        var settled = await Runner().RunAsync(CancellationToken.None);

        Assert.That(whileOpen, Is.EqualTo((0, 0)));
        Assert.That(settled, Is.EqualTo((1, 1)));
        Assert.That(erp.State().Audits, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MessageTypesFilter_ConfirmsOnlyTheListedMessageTypes()
    {
        var file = AleAuditSamples.Idocs("MATMAS05", ("MATMAS", "0000000000000101"));
        await AcceptAsync("master-1", Sap, file, ["shop-a"]);
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var run = await Runner(messageTypes: ["SHPCON"]).RunAsync(CancellationToken.None);

        Assert.That(run, Is.EqualTo((1, 1)));
        Assert.That(erp.State().Audits.Single().Confirmations.Select(c => c.MessageType), Is.EqualTo(new[] { "SHPCON" }));
        Assert.That((await audits.FindAsync("master-1", CancellationToken.None))!.State, Is.EqualTo(nameof(IdocAuditState.NotIdoc)));
    }

    [Test]
    public async Task DocumentThatIsNoIdoc_GetsNoAudit_AndIsNotLookedAtAgain()
    {
        await AcceptAsync("oag-1", Sap, XElement.Parse("<SHOW_SHIPMENT_005><CNTROLAREA/></SHOW_SHIPMENT_005>"), ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var run = await Runner().RunAsync(CancellationToken.None);

        Assert.That(run, Is.EqualTo((0, 0)));
        Assert.That(erp.State().Audits, Is.Empty);
        Assert.That((await audits.FindAsync("oag-1", CancellationToken.None))!.State, Is.EqualTo(nameof(IdocAuditState.NotIdoc)));
        Assert.That(await audits.FindSettledAsync(Sap, T0.AddDays(-1), 10, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task ErpDown_RetriedLater_AcrossARestart_NothingLost_TakenOnce()
    {
        await AcceptAsync("doc-1", Sap, AleAuditSamples.Delvry07(), ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Failed, "refused");
        erp.FailNext(2, 503);

        await Runner().RunAsync(CancellationToken.None);
        var afterFirst = await audits.FindAsync("doc-1", CancellationToken.None);
        var notYetDue = await Runner().RunAsync(CancellationToken.None);

        // A restart: new endpoints and runner over the same store; the audit waits in the outbox.
        endpoints.Dispose();
        endpoints = Endpoints();
        time.Advance(TimeSpan.FromMinutes(1));
        await Runner().RunAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await Runner().RunAsync(CancellationToken.None);
        var sent = await audits.FindAsync("doc-1", CancellationToken.None);

        Assert.That(afterFirst!.State, Is.EqualTo("Pending"));
        Assert.That(afterFirst.LastError, Does.Contain("503"));
        Assert.That(notYetDue, Is.EqualTo((0, 0)), "the retry waits for its backoff");
        Assert.That((sent!.State, sent.Attempts), Is.EqualTo(("Sent", 3)));
        Assert.That(sent.Document, Is.EqualTo(afterFirst.Document), "every retry sends the same audit");
        Assert.That(erp.State().Audits.Single().Confirmations.Single().Status, Is.EqualTo("51"));
    }

    [Test]
    public async Task Erp_RefusesAnInvalidAleaud01_AndTakesARepeatedMessageIdOnce()
    {
        var valid = AleAuditBuilder.Build(ReceivedIdoc.Read(AleAuditSamples.Delvry07()), new AuditOutcome("41", false, "ok", null, "doc-1"), "1", T0);
        var invalid = new XElement(valid);
        invalid.Descendants("STATUS").Single().Value = "411";
        var sender = endpoints.AuditSender("erp");

        var refused = await sender.SendAuditAsync("AUD-BAD", invalid, CancellationToken.None);
        var first = await sender.SendAuditAsync("AUD-1", valid, CancellationToken.None);
        var again = await sender.SendAuditAsync("AUD-1", valid, CancellationToken.None);

        Assert.That(refused.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)refused.Outcome).Reason, Does.Contain("ALEAUD01"));
        Assert.That((first.Status, again.Status), Is.EqualTo(("Received", "Duplicate")));
        Assert.That(again.ErpDocumentNumber, Is.EqualTo(first.ErpDocumentNumber));
        Assert.That(erp.State().Audits, Has.Count.EqualTo(1));
    }

    private ErpEndpoints Endpoints() =>
        new(
            new Dictionary<string, ErpEndpointOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["erp"] = new() { Url = erp.ServiceAddress, UserName = erp.Options.UserName, Password = Password, AllowHttp = true, Timeout = TimeSpan.FromSeconds(10) },
            },
            NullLoggerFactory.Instance);

    private IdocAuditRunner Runner(string failedStatus = "51", List<string>? messageTypes = null)
    {
        var options = new IdocAuditOptions { BackoffBase = TimeSpan.FromSeconds(30), BackoffMax = TimeSpan.FromSeconds(50) };
        options.SourceSystems[Sap] = new SourceSystemOptions { AuditIdocs = true, ErpEndpoint = "erp", FailedStatus = failedStatus, MessageTypes = messageTypes ?? [] };
        options.SourceSystems["OTHERSYS"] = new SourceSystemOptions { AuditIdocs = false };
        return new IdocAuditRunner(audits, endpoints, options, time, NullLogger<IdocAuditRunner>.Instance);
    }

    /// <summary>Stores a SubmitDocument request carrying <paramref name="document"/> as the intake would.</summary>
    private async Task AcceptAsync(string id, string source, XElement document, string[] channels)
    {
        XNamespace doc = XmlNamespaces.Documents;
        var payload = new XElement(
            doc + "SubmitDocument",
            new XElement(doc + "MessageId", id),
            new XElement(doc + "SentAt", "2026-11-26T09:55:00Z"),
            new XElement(doc + "SourceSystem", source),
            new XElement(doc + "DocumentType", document.Name.LocalName),
            new XElement(doc + "Payload", document)).ToString(SaveOptions.DisableFormatting);
        var message = new IncomingMessage(id, MessageType.Document, document.Name.LocalName, source, T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await messages.AcceptAsync(new AcceptRequest(message, channels, T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private async Task SettleAsync(string channel, DeliveryStatus status, string? error = null)
    {
        var claims = await deliveries.ClaimAsync(channel, "w1", 10, T0, Lease, CancellationToken.None);
        var results = claims.Select(c => new DeliveryResult(c.DeliveryId, c.MessageId, status, c.Attempts + 1, null, error, $"detail {status}", c.Version, [])).ToList();
        await deliveries.CompleteAsync(channel, "w1", results, T0, CancellationToken.None);
    }
}
