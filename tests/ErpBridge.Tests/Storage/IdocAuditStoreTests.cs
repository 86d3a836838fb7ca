using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Storage;

namespace ErpBridge.Tests.Storage;

/// <summary>The ALE audit outbox (migration 0010): settled documents found once, audits claimed, retried and sent, on every dialect available.</summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class IdocAuditStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SqlDeliveryStore deliveries = null!;
    private SqlIdocAuditStore store = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
        store = new SqlIdocAuditStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task FindSettled_OnlyOnceEveryDeliveryHasEnded_AndOnlyDocumentsOfThatSource()
    {
        await AcceptAsync("doc-1", "PRDCLNT100", "DELVRY07", ["shop-a", "shop-b"]);
        await AcceptAsync("doc-other", "OTHERSYS", "DELVRY07", ["shop-a"]);
        await AcceptAsync("canonical", "PRDCLNT100", null, ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var whileOpen = await FindAsync();
        await SettleAsync("shop-b", DeliveryStatus.Failed, error: "404 Not Found: no such order");
        var settled = await FindAsync();

        Assert.That(whileOpen, Is.Empty, "shop-b has not delivered yet");
        var document = settled.Single();
        Assert.That(document.MessageId, Is.EqualTo("doc-1"));
        Assert.That(document.DocumentType, Is.EqualTo("DELVRY07"));
        Assert.That(document.Payload, Is.EqualTo("<m id=\"doc-1\"/>"));
        Assert.That(
            document.Deliveries.Select(d => (d.Channel, d.Status, d.LastError)),
            Is.EqualTo(new (string, DeliveryStatus, string?)[] { ("shop-a", DeliveryStatus.Delivered, null), ("shop-b", DeliveryStatus.Failed, "404 Not Found: no such order") }));
    }

    [Test]
    public async Task FindSettled_ItemFailedOnItsOwn_IsReportedWithItsReason()
    {
        await AcceptAsync("doc-1", "PRDCLNT100", "LOISTD01", ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered, items: [ItemOutcome.Failed("inv:MAT-9@WH01", "unknown SKU MAT-9")]);

        var delivery = (await FindAsync()).Single().Deliveries.Single();

        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(delivery.FailedItem, Is.EqualTo("inv:MAT-9@WH01: unknown SKU MAT-9"));
    }

    [Test]
    public async Task Enqueue_OncePerMessage_ThenTheDocumentIsNotFoundAgain()
    {
        await AcceptAsync("doc-1", "PRDCLNT100", "DELVRY07", ["shop-a"]);
        await SettleAsync("shop-a", DeliveryStatus.Delivered);

        var first = await store.EnqueueAsync(Entry("doc-1", "<ALEAUD01/>"), T0, CancellationToken.None);
        var second = await store.EnqueueAsync(Entry("doc-1", "<ALEAUD01 other='1'/>"), T0, CancellationToken.None);

        Assert.That(first, Is.True);
        Assert.That(second, Is.False);
        Assert.That(await FindAsync(), Is.Empty);
        Assert.That((await store.FindAsync("doc-1", CancellationToken.None))!.Document, Is.EqualTo("<ALEAUD01/>"), "the first audit stays as it was written");
    }

    [Test]
    public async Task Claim_RetryLater_ThenSent()
    {
        await store.EnqueueAsync(Entry("doc-1", "<ALEAUD01/>"), T0, CancellationToken.None);
        await store.EnqueueAsync(new IdocAuditEntry("not-idoc", "PRDCLNT100", null, null, null, null, IdocAuditState.NotIdoc), T0, CancellationToken.None);

        var claimed = await store.ClaimDueAsync(10, T0, Lease, CancellationToken.None);
        var again = await store.ClaimDueAsync(10, T0, Lease, CancellationToken.None);
        await store.CompleteAsync(new IdocAuditCompletion("doc-1", IdocAuditState.Pending, null, "HTTP 503", T0.AddMinutes(5)), T0, CancellationToken.None);
        var beforeDue = await store.ClaimDueAsync(10, T0.AddMinutes(4), Lease, CancellationToken.None);
        var due = await store.ClaimDueAsync(10, T0.AddMinutes(5), Lease, CancellationToken.None);
        await store.CompleteAsync(new IdocAuditCompletion("doc-1", IdocAuditState.Sent, "0000000090000001", null, null), T0.AddMinutes(5), CancellationToken.None);
        var view = await store.FindAsync("doc-1", CancellationToken.None);

        Assert.That(claimed.Select(c => (c.MessageId, c.Endpoint, c.AuditMessageId, c.Attempts)), Is.EqualTo(new[] { ("doc-1", "erp", "AUD-1", 0) }));
        Assert.That(again, Is.Empty, "a claimed audit is not claimed twice while the claim lasts");
        Assert.That(beforeDue, Is.Empty);
        Assert.That(due.Single().Attempts, Is.EqualTo(1));
        Assert.That(view!.State, Is.EqualTo("Sent"));
        Assert.That(view.Attempts, Is.EqualTo(2));
        Assert.That(view.ErpIdocNumber, Is.EqualTo("0000000090000001"));
        Assert.That(view.SentAt, Is.EqualTo(T0.AddMinutes(5)));
        Assert.That(view.LastError, Is.Null);
    }

    [Test]
    public async Task Claim_ExpiredClaim_IsTakenOverAfterACrash()
    {
        await store.EnqueueAsync(Entry("doc-1", "<ALEAUD01/>"), T0, CancellationToken.None);
        await store.ClaimDueAsync(10, T0, Lease, CancellationToken.None);

        var takenOver = await store.ClaimDueAsync(10, T0 + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        Assert.That(takenOver.Select(c => c.MessageId), Is.EqualTo(new[] { "doc-1" }));
    }

    private static IdocAuditEntry Entry(string messageId, string document) =>
        new(messageId, "PRDCLNT100", "erp", "AUD-" + messageId[^1], "41", document, IdocAuditState.Pending);

    private Task<IReadOnlyList<SettledDocument>> FindAsync() =>
        store.FindSettledAsync("PRDCLNT100", T0.AddDays(-1), 10, CancellationToken.None);

    private async Task AcceptAsync(string id, string source, string? documentType, string[] channels)
    {
        var payload = $"<m id=\"{id}\"/>";
        var type = documentType is null ? MessageType.Inventory : MessageType.Document;
        var message = new IncomingMessage(id, type, documentType, source, T0.AddMinutes(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, channels, T0.AddMinutes(-1), "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    /// <summary>Claims the channel's deliveries and records <paramref name="status"/> for each.</summary>
    private async Task SettleAsync(string channel, DeliveryStatus status, string? error = null, IReadOnlyList<ItemOutcome>? items = null)
    {
        var claims = await deliveries.ClaimAsync(channel, "w1", 10, T0, Lease, CancellationToken.None);
        var results = claims
            .Select(c => new DeliveryResult(c.DeliveryId, c.MessageId, status, c.Attempts + 1, null, error, $"detail {status}", c.Version, [], items))
            .ToList();
        await deliveries.CompleteAsync(channel, "w1", results, T0, CancellationToken.None);
    }
}
