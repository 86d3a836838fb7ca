using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Status;
using ErpBridge.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// The operator console's store (migration 0018) on every dialect available: the audit trail, message search with its
/// filters and paging, one message whole, and discarding dead letters.
/// </summary>
[TestFixtureSource(typeof(StorageTarget), nameof(StorageTarget.All))]
public sealed class ConsoleStoreTests(StorageTarget target) : StoreFixture(target)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private SqlConsoleStore console = null!;
    private SqlDeliveryStore deliveries = null!;

    [SetUp]
    public void CreateStores()
    {
        console = new SqlConsoleStore(Database.Dialect, Database.Options, Messages, new FakeTimeProvider(T0.AddHours(1)));
        deliveries = new SqlDeliveryStore(Database.Dialect, Database.Options, Messages);
    }

    [Test]
    public async Task ConsoleKeys_AreReadOldestFirst_AndANameIsStoredOnce()
    {
        var keys = new SqlConsoleKeyStore(Database.Dialect, Database.Options, Messages);
        Assert.That(await keys.ReadAllAsync(CancellationToken.None), Is.Empty);

        await keys.AddAsync("key-b", "<key id=\"b\" />", T0.AddDays(1), CancellationToken.None);
        await keys.AddAsync("key-a", "<key id=\"a\" />", T0, CancellationToken.None);
        await keys.AddAsync("key-a", "<key id=\"other\" />", T0.AddDays(2), CancellationToken.None);

        Assert.That(await keys.ReadAllAsync(CancellationToken.None), Is.EqualTo(new[] { "<key id=\"a\" />", "<key id=\"b\" />" }), "a key's element never changes");
    }

    [Test]
    public async Task Actions_AreListedNewestFirst_PerMessageAndChannel()
    {
        await console.RecordAsync(new OperatorAction(0, T0, "ann", "Pause", null, "shop-a", "maintenance"), CancellationToken.None);
        await console.RecordAsync(new OperatorAction(0, T0.AddMinutes(1), "bob", "Resubmit", "m-1", "shop-a", null), CancellationToken.None);
        await console.RecordAsync(new OperatorAction(0, T0.AddMinutes(2), "ann", "Discard", "m-2", "shop-b", "item inv:X@L"), CancellationToken.None);

        var all = await console.ListAsync(null, null, 10, CancellationToken.None);
        Assert.That(all.Select(a => (a.Operator, a.Action)), Is.EqualTo(new[] { ("ann", "Discard"), ("bob", "Resubmit"), ("ann", "Pause") }));
        Assert.That(all[2].At, Is.EqualTo(T0));
        Assert.That(all[2].Detail, Is.EqualTo("maintenance"));
        Assert.That((await console.ListAsync("m-1", null, 10, CancellationToken.None)).Single().Operator, Is.EqualTo("bob"));
        Assert.That((await console.ListAsync(null, "shop-a", 10, CancellationToken.None)).Select(a => a.Action), Is.EqualTo(new[] { "Resubmit", "Pause" }));
        Assert.That(await console.ListAsync(null, null, 1, CancellationToken.None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Search_FiltersByIdSourceTypeTimeAndText_NewestFirst_InPages()
    {
        for (var i = 1; i <= 5; i++)
        {
            await AcceptAsync($"m-{i}", T0.AddMinutes(i), i % 2 == 0 ? "ORACLE" : "SAP-ECC", $"<m><Sku>SKU-{i}</Sku><Note>50%_off</Note></m>");
        }

        var newest = await console.SearchAsync(new MessageSearch(Limit: 2), CancellationToken.None);
        Assert.That(newest.Select(m => m.MessageId), Is.EqualTo(new[] { "m-5", "m-4" }));
        Assert.That(newest[0].ReceivedAt, Is.EqualTo(T0.AddMinutes(5)));
        var next = await console.SearchAsync(new MessageSearch(BeforeAt: newest[^1].ReceivedAt, BeforeId: newest[^1].MessageId, Limit: 2), CancellationToken.None);
        Assert.That(next.Select(m => m.MessageId), Is.EqualTo(new[] { "m-3", "m-2" }));

        Assert.That((await console.SearchAsync(new MessageSearch(SourceSystem: "ORACLE"), CancellationToken.None)).Select(m => m.MessageId), Is.EqualTo(new[] { "m-4", "m-2" }));
        Assert.That((await console.SearchAsync(new MessageSearch(MessageId: "m-3"), CancellationToken.None)).Single().SourceSystem, Is.EqualTo("SAP-ECC"));
        Assert.That((await console.SearchAsync(new MessageSearch(Text: "SKU-3"), CancellationToken.None)).Single().MessageId, Is.EqualTo("m-3"));
        Assert.That(await console.SearchAsync(new MessageSearch(Text: "SKU_3"), CancellationToken.None), Is.Empty, "_ is a literal, not LIKE's any-character");
        Assert.That(await console.SearchAsync(new MessageSearch(Text: "50%_off"), CancellationToken.None), Has.Count.EqualTo(5));
        Assert.That(await console.SearchAsync(new MessageSearch(Text: "50%x"), CancellationToken.None), Is.Empty, "% is a literal too");
        Assert.That(
            (await console.SearchAsync(new MessageSearch(From: T0.AddMinutes(2), To: T0.AddMinutes(4)), CancellationToken.None)).Select(m => m.MessageId),
            Is.EqualTo(new[] { "m-3", "m-2" }));
        Assert.That((await console.SearchAsync(new MessageSearch(Type: "Inventory"), CancellationToken.None)), Has.Count.EqualTo(5));
        Assert.That(await console.SearchAsync(new MessageSearch(Type: "Products"), CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Search_ByDeliveryStatus_AndOneMessageWhole()
    {
        await AcceptAsync("ok", T0.AddMinutes(1), "SAP-ECC", "<m>ok</m>");
        await AcceptAsync("bad", T0.AddMinutes(2), "SAP-ECC", "<m>bad</m>");
        await FailAsync("bad");

        Assert.That((await console.SearchAsync(new MessageSearch(Status: DeliveryStatus.Failed), CancellationToken.None)).Select(m => m.MessageId), Is.EqualTo(new[] { "bad" }));
        Assert.That((await console.SearchAsync(new MessageSearch(Status: DeliveryStatus.InProgress), CancellationToken.None)).Select(m => m.MessageId), Is.EqualTo(new[] { "ok" }), "claimed with the failed one");
        Assert.That(await console.SearchAsync(new MessageSearch(Status: DeliveryStatus.Pending), CancellationToken.None), Is.Empty);

        var whole = await console.GetAsync("bad", CancellationToken.None);
        Assert.That(whole, Is.Not.Null);
        Assert.That((whole!.Payload, whole.SourceSystem, whole.Client, whole.CorrelationId, whole.Canonical), Is.EqualTo(("<m>bad</m>", "SAP-ECC", "sap-pi", "corr-bad", (string?)null)));
        Assert.That(whole.ReceivedAt, Is.EqualTo(T0.AddMinutes(2)));
        Assert.That(await console.GetAsync("never", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Discard_EndsTheFailedDelivery_Audited_AndNeverClaimedAgain()
    {
        await AcceptAsync("bad", T0, "SAP-ECC", "<m>bad</m>");
        await FailAsync("bad");

        var discarded = await deliveries.DiscardAsync("bad", "shop-a", null, "discarded by ann in the console", T0.AddMinutes(5), CancellationToken.None);

        Assert.That(discarded, Is.EqualTo(1));
        Assert.That(await deliveries.ListDeadLettersAsync(null, 10, CancellationToken.None), Is.Empty);
        var history = await deliveries.GetHistoryAsync("bad", CancellationToken.None);
        Assert.That(history[^1], Is.EqualTo(new AttemptView("shop-a", DeliveryStatus.Failed, DeliveryStatus.Discarded, T0.AddMinutes(5), "discarded by ann in the console")));
        Assert.That(await deliveries.ResubmitAsync("bad", null, T0.AddMinutes(6), CancellationToken.None), Is.Zero, "a discarded delivery is not a dead letter any more");
        Assert.That(await deliveries.ClaimAsync("shop-a", "w2", 10, T0.AddHours(1), Lease, CancellationToken.None), Is.Empty);
        Assert.That(await deliveries.DiscardAsync("bad", null, null, "again", T0.AddMinutes(7), CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task Order_IsReadWhole_AndAFetchedOnesVisibilityDeadlineIsListed()
    {
        var orders = new SqlOrderStore(Database.Dialect, Database.Options, Messages);
        var order = new OrderRevision("shop-a", "1001", "#1001", T0.AddMinutes(-2), false, "<order n=\"1001\"/>", new string('b', 64));
        await orders.UpsertAsync([order], OrderHandover.Pull, T0, CancellationToken.None);
        await orders.FetchAsync(10, "shop-a", T0.AddMinutes(1), TimeSpan.FromMinutes(10), CancellationToken.None);

        var listed = (await orders.ListAsync("shop-a", OrderState.Fetched, 10, CancellationToken.None)).Single();
        Assert.That((listed.OrderNumber, listed.VisibleAt), Is.EqualTo(("#1001", (DateTimeOffset?)T0.AddMinutes(11))));

        var whole = await console.GetOrderAsync(order.OrderId, CancellationToken.None);
        Assert.That(whole, Is.Not.Null);
        Assert.That((whole!.Summary, whole.CanonicalXml, whole.Cancelled, whole.FirstSeenAt, whole.FetchedRevision), Is.EqualTo((listed, "<order n=\"1001\"/>", false, T0, (long?)1)));
        Assert.That(await console.GetOrderAsync("shop-a:never", CancellationToken.None), Is.Null);
    }

    private async Task AcceptAsync(string id, DateTimeOffset receivedAt, string source, string payload)
    {
        var message = new IncomingMessage(id, MessageType.Inventory, null, source, receivedAt.AddSeconds(-5), payload, ContentHash.Of(payload), []);
        var result = await Messages.AcceptAsync(new AcceptRequest(message, ["shop-a"], receivedAt, "corr-" + id, "sap-pi"), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(AcceptOutcome.Accepted));
    }

    private async Task FailAsync(string id)
    {
        var claim = (await deliveries.ClaimAsync("shop-a", "w1", 10, T0.AddHours(1), Lease, CancellationToken.None)).Single(c => c.MessageId == id);
        await deliveries.CompleteAsync(
            "shop-a", "w1", [new DeliveryResult(claim.DeliveryId, claim.MessageId, DeliveryStatus.Failed, 1, null, "422 refused", "failed", claim.Version, [])], T0.AddHours(1), CancellationToken.None);
    }
}
