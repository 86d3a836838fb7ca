using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Issue 15: a product the bridge drafted for lack of a price is published by its price, once; a product the ERP
/// blocked never is, whatever the order in which product messages and prices come.
/// </summary>
public sealed class PriceDraftRoundTests
{
    private static readonly PricesOptions Prices = new() { SalesAreas = { [Claims.Channel] = ["1000/10"] } };

    private ManualTimeProvider clock = null!;
    private FakePriceDraftStore drafts = null!;

    [SetUp]
    public void Start()
    {
        clock = new ManualTimeProvider(Claims.Start.AddHours(1)); // 2026-12-07 11:00 UTC
        drafts = new FakePriceDraftStore();
    }

    [Test]
    public async Task NewProductWithoutPrice_IsRecorded_AndItsPricePublishesItOnce()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"));

        Assert.That(drafts.SkusOf(Claims.Channel), Is.EqualTo(new[] { "A" }), "drafted only for lack of a price");

        var connector = StoreWithoutPrice();
        await RunAsync(connector, Price(2, "C-1", "A", "12.99"));

        Assert.That(CallIds(connector), Is.EqualTo(new[] { "price-A", "publish-A" }));
        Assert.That(connector.Executed.Single().Calls.Single(c => c.Id == "publish-A").Condition, Is.Null, "decided by the bridge, not left to the connector");
        Assert.That(drafts.SkusOf(Claims.Channel), Is.Empty, "published: the next price publishes nothing");

        var later = StoreWithoutPrice();
        await RunAsync(later, Price(3, "C-2", "A", "13.49", from: "2026-12-05"));
        Assert.That(CallIds(later), Is.EqualTo(new[] { "price-A" }));
    }

    [Test]
    public async Task BlockedOrArchivedMaterial_IsNeverRecorded_AndItsPricePublishesNothing()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "B", "draft"), Product(2, "M-2", 0, "C", "archived"));
        var connector = StoreWithoutPrice();

        await RunAsync(connector, Price(3, "C-1", "B", "5"), Price(4, "C-2", "C", "6"));

        Assert.That(drafts.Rows, Is.Empty);
        Assert.That(connector.Executed.SelectMany(p => p.Calls).Select(c => c.Id), Is.EquivalentTo(new[] { "price-B", "price-C" }), "a blocked product stays a draft");
    }

    [Test]
    public async Task BlockedAfterTheDraft_IsForgotten_EvenWhenTheBlockingMessageFails()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"), Product(2, "M-2", 0, "B", "active"));

        await RunAsync(StoreWithoutPrice(), Product(3, "M-3", 1, "A", "draft"));
        await RunAsync(new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.PermanentFailure("422 refused")), Product(4, "M-4", 1, "B", "archived"));

        Assert.That(drafts.Rows, Is.Empty, "a blocked product must not be published by a price, delivered or not");
        var connector = StoreWithoutPrice();
        await RunAsync(connector, Price(5, "C-1", "A", "5"), Price(6, "C-2", "B", "6"));
        Assert.That(connector.Executed.SelectMany(p => p.Calls).Select(c => c.Id), Is.EquivalentTo(new[] { "price-A", "price-B" }));
    }

    [Test]
    public async Task UpdateStillWithoutPrice_KeepsTheDraft_AndAProductWithAPriceOrAStorePriceForgetsIt()
    {
        var drafted = clock.GetUtcNow();
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"), Product(2, "M-2", 0, "B", "active"));

        clock.Now = drafted.AddHours(1);
        await RunAsync(StoreWithoutPrice(), Product(3, "M-3", 1, "A", "active"));
        Assert.That(drafts.SkusOf(Claims.Channel), Is.EqualTo(new[] { "A", "B" }), "still without a price on the store: still a draft");
        Assert.That(drafts.Rows[(Claims.Channel, "A")], Is.EqualTo(drafted), "recorded when first drafted");

        await RunAsync(StoreWithPrice(), Product(4, "M-4", 2, "A", "active"), Product(5, "M-5", 2, "B", "active", price: "9.99"));

        Assert.That(drafts.Rows, Is.Empty, "A: the store has its price now (the product message set it active); B: the message brought a price");
    }

    [Test]
    public async Task ProductAndItsPriceInOneRound_TheProductGoesFirst_AndThePricePublishesIt()
    {
        var connector = StoreWithoutPrice();

        await RunAsync(connector, Price(1, "C-1", "A", "12.99"), Product(2, "M-1", 0, "A", "active"));

        Assert.That(connector.Executed.Select(p => p.Calls[0].Id), Is.EqualTo(new[] { "draft-A", "price-A" }), "products before prices");
        Assert.That(connector.Executed.Last().Calls.Select(c => c.Id), Is.EqualTo(new[] { "price-A", "publish-A" }));
        Assert.That(drafts.Rows, Is.Empty);
    }

    [Test]
    public async Task APriceValidFromALaterDay_PublishesTheDraft_WhenItsDayComesAndItIsApplied()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"));
        var claim = Price(2, "C-1", "A", "12.99", from: "2027-01-01");
        var waiting = StoreWithoutPrice();

        await RunAsync(waiting, claim);

        Assert.That(waiting.Executed, Is.Empty, "not before its day");
        Assert.That(drafts.SkusOf(Claims.Channel), Is.EqualTo(new[] { "A" }));

        clock.Now = new DateTimeOffset(2027, 1, 1, 0, 0, 5, TimeSpan.Zero);
        var due = StoreWithoutPrice();
        await RunAsync(due, claim);

        Assert.That(CallIds(due), Is.EqualTo(new[] { "price-A", "publish-A" }));
        Assert.That(drafts.Rows, Is.Empty);
    }

    [Test]
    public async Task APublishTheStoreDidNotConfirm_KeepsTheDraft_ForTheRetry()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"));
        var busy = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.TransientFailure("503 Service Unavailable"));

        var results = await RunAsync(busy, Price(2, "C-1", "A", "12.99"));

        Assert.That(results.Single().Status, Is.EqualTo(DeliveryStatus.RetryScheduled));
        Assert.That(drafts.SkusOf(Claims.Channel), Is.EqualTo(new[] { "A" }));
    }

    [Test]
    public async Task APriceOfZero_PublishesNothing()
    {
        await RunAsync(StoreWithoutPrice(), Product(1, "M-1", 0, "A", "active"));
        var connector = StoreWithoutPrice();

        await RunAsync(connector, Price(2, "C-1", "A", "0"));

        Assert.That(CallIds(connector), Is.EqualTo(new[] { "price-A" }));
        Assert.That(drafts.SkusOf(Claims.Channel), Is.EqualTo(new[] { "A" }), "nothing is sold at 0");
    }

    [Test]
    public void Ledger_LeavesOutTheDraftCallsOfSkusNotDrafted_AndKeepsOnlyTheFirstOfEachSku()
    {
        var ledger = new PriceDraftLedger { Drafted = new HashSet<string>(StringComparer.Ordinal) { "A" } };
        var plan = RequestPlan.Parse(new DraftMessageMaps().ToPlan("fake", MessageType.Prices, System.Xml.Linq.XDocument.Parse(
            $"<Prices xmlns=\"{XmlNamespaces.Prices}\"><Conditions>{PriceXml("A", "1", "2026-12-01")}{PriceXml("A", "2", "2026-12-02")}{PriceXml("B", "3", "2026-12-01")}</Conditions></Prices>"), new Dictionary<string, string>()));

        var decided = ledger.Decide(plan);

        Assert.That(decided.Calls.Select(c => (c.Id, c.Condition)), Is.EqualTo(new (string, PlanCondition?)[] { ("price-A", null), ("publish-A", null), ("price-A", null), ("price-B", null) }));
    }

    private async Task<IReadOnlyList<DeliveryResult>> RunAsync(FakeChannelConnector connector, params ClaimedDelivery[] claims)
    {
        var store = new FakeDeliveryStore(claims);
        await DeliveryRounds.Create(store, connector, new DeliveryOptions(), clock, new DraftMessageMaps(), prices: Prices, drafts: drafts).RunAsync(Claims.Channel, CancellationToken.None);
        return store.Completions.Single();
    }

    /// <summary>A store that has no price for the products: their draft branch runs.</summary>
    private static FakeChannelConnector StoreWithoutPrice() => Sending(id => !id.StartsWith("keep-", StringComparison.Ordinal));

    /// <summary>A store that has the products with a price: their keep branch runs.</summary>
    private static FakeChannelConnector StoreWithPrice() => Sending(id => !id.StartsWith("draft-", StringComparison.Ordinal));

    private static FakeChannelConnector Sending(Func<string, bool> runs) =>
        new(Claims.Channel, plan => new DeliveryOutcome.Delivered(new Dictionary<string, string>()) { SentCalls = [.. plan.Calls.Select(c => c.Id).Where(runs)] });

    private static string[] CallIds(FakeChannelConnector connector) => [.. connector.Executed.Single().Calls.Select(c => c.Id)];

    private static ClaimedDelivery Product(long deliveryId, string messageId, int sentAt, string sku, string status, string? price = null) =>
        Claims.Claim(deliveryId, messageId, MessageType.Products, sentAt, $"""
            <SubmitProducts xmlns="{XmlNamespaces.Products}"><MessageId>{messageId}</MessageId><Products><Product><Sku>{sku}</Sku><Title>{sku}</Title>{(price is null ? "" : $"<Price>{price}</Price><Currency>EUR</Currency>")}<Status>{status}</Status></Product></Products></SubmitProducts>
            """);

    private static ClaimedDelivery Price(long deliveryId, string messageId, string sku, string amount, string from = "2026-12-01") =>
        Claims.Claim(deliveryId, messageId, MessageType.Prices, 0, $"""
            <Prices xmlns="{XmlNamespaces.Prices}"><MessageId>{messageId}</MessageId><Conditions>{PriceXml(sku, amount, from)}</Conditions></Prices>
            """);

    private static string PriceXml(string sku, string amount, string from) =>
        $"<Price><Sku>{sku}</Sku><Amount>{amount}</Amount><Currency>EUR</Currency><ValidFrom>{from}</ValidFrom><ValidTo>9999-12-31</ValidTo><ConditionType>PR00</ConditionType><SalesOrganization>1000</SalesOrganization><DistributionChannel>10</DistributionChannel></Price>";
}
