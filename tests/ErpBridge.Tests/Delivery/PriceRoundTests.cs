using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Rounds of price messages: condition types that are no sales price, sales areas that do not feed the channel and
/// prices whose validity ended are skipped with the reason; a price valid from a later day waits, without spending an
/// attempt, until that day, and then only it is sent.
/// </summary>
public sealed class PriceRoundTests
{
    private static readonly PricesOptions Prices = new() { SalesAreas = { [Claims.Channel] = ["1000/10"] } };

    private ManualTimeProvider clock = null!;

    [SetUp]
    public void StartTheClock() => clock = new ManualTimeProvider(Claims.Start.AddHours(1)); // 2026-12-07 11:00 UTC

    [Test]
    public async Task NonSalesTypes_OtherSalesAreas_AndEndedValidities_AreSkippedWithTheirReasons()
    {
        var store = new FakeDeliveryStore([Message(1, "P-1",
            Price("A", "PR00", "1000", "10", "2026-12-01", "9999-12-31"),
            Price("B", "K004", "1000", "10", "2026-12-01", "9999-12-31"),
            Price("C", "PR00", "2000", "20", "2026-12-01", "9999-12-31"),
            Price("D", "VKP0", "1000", "10", "2026-01-01", "2026-12-06"))]);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "A" }));
        var result = store.Completions.Single().Single();
        Assert.That((result.Status, result.DeliveredKeys), Is.EqualTo((DeliveryStatus.Delivered, (IReadOnlyList<string>)["price:A@1000/10/PR00@2026-12-01"])));
        Assert.That(result.Items!.Select(i => (i.Key, i.State, i.Reason)), Is.EquivalentTo(new[]
        {
            ("price:B@1000/10/K004@2026-12-01", ItemState.Skipped, "condition type K004 is not a sales price (ErpBridge:Prices:SalesConditionTypes: PR00, VKP0)"),
            ("price:C@2000/20/PR00@2026-12-01", ItemState.Skipped, "sales area 2000/20 does not feed this channel (ErpBridge:Prices:SalesAreas:shop: 1000/10)"),
            ("price:D@1000/10/VKP0@2026-01-01", ItemState.Skipped, "its validity ended on 2026-12-06"),
        }));
    }

    [Test]
    public async Task ASalesTypeWithANegativeOrPercentageAmount_IsSkipped_NotSentAsAPrice()
    {
        var store = new FakeDeliveryStore([Message(1, "P-1",
            Price("A", "PR00", "1000", "10", "2026-12-01", "9999-12-31", "-2"),
            Price("B", "PR00", "1000", "10", "2026-12-01", "9999-12-31", "5", "%"),
            Price("C", "PR00", "1000", "10", "2026-12-01", "9999-12-31", "0"))]);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "C" }));
        Assert.That(store.Completions.Single().Single().Items!.Select(i => i.Reason), Is.EquivalentTo(new[]
        {
            "-2 EUR is not a price (a sales price is an amount of 0 or more in a currency)",
            "5 % is not a price (a sales price is an amount of 0 or more in a currency)",
        }));
    }

    [Test]
    public async Task APriceValidToday_IsNotExpired_UntilTheDayAfterItsLastDay()
    {
        var store = new FakeDeliveryStore([Message(1, "P-1", Price("A", "PR00", "1000", "10", "2026-01-01", "2026-12-07"))]);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "A" }), "the last day of a validity is still valid");
    }

    [Test]
    public async Task AFuturePrice_WaitsForItsDay_WithoutSpendingAnAttempt_AndThenOnlyItIsSent()
    {
        var claim = Message(1, "P-1",
            Price("NOW", "PR00", "1000", "10", "2026-12-01", "2026-12-31"),
            Price("LATER", "PR00", "1000", "10", "2027-01-01", "9999-12-31"));
        var store = new FakeDeliveryStore([claim]);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "NOW" }), "not before its day");
        var waiting = store.Completions.Single().Single();
        Assert.That(waiting.Status, Is.EqualTo(DeliveryStatus.RetryScheduled));
        Assert.That(waiting.NextAttemptAt, Is.EqualTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(waiting.Attempts, Is.EqualTo(claim.Attempts), "waiting spends no attempt");
        Assert.That(waiting.DeliveredKeys, Is.EqualTo(new[] { "price:NOW@1000/10/PR00@2026-12-01" }), "recorded, so that it is not sent again");
        Assert.That(waiting.Detail, Does.Contain("waiting: 1 price(s) valid from a later day, the first applied at 2027-01-01T00:00:00.0000000+00:00"));

        // The day comes: the store hands the delivery out again and knows the price this message applied.
        clock.Now = new DateTimeOffset(2027, 1, 1, 0, 0, 5, TimeSpan.Zero);
        var again = new FakeDeliveryStore([claim], new Dictionary<string, ItemVersion> { ["price:NOW@1000/10/PR00@2026-12-01"] = claim.Version });
        var later = new FakeChannelConnector(Claims.Channel);

        await Round(again, later).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(later.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "LATER" }), "the price applied before is not sent again");
        var done = again.Completions.Single().Single();
        Assert.That((done.Status, done.DeliveredKeys), Is.EqualTo((DeliveryStatus.Delivered, (IReadOnlyList<string>)["price:LATER@1000/10/PR00@2027-01-01"])));
    }

    [Test]
    public async Task OnlyFuturePrices_SendNothing_AndTheDeliveryWaitsForTheEarliestDay()
    {
        var store = new FakeDeliveryStore([Message(1, "P-1",
            Price("A", "PR00", "1000", "10", "2027-03-01", "9999-12-31"),
            Price("B", "PR00", "1000", "10", "2027-02-01", "9999-12-31"),
            Price("C", "K004", "1000", "10", "2026-12-01", "9999-12-31"))]);
        var connector = new FakeChannelConnector(Claims.Channel);

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        Assert.That(connector.Executed, Is.Empty);
        var result = store.Completions.Single().Single();
        Assert.That((result.Status, result.NextAttemptAt, result.Attempts), Is.EqualTo((DeliveryStatus.RetryScheduled, (DateTimeOffset?)new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), 0)));
        Assert.That(result.Detail, Does.StartWith("waiting: 2 price(s)").And.Contain("1 item skipped"));
    }

    [Test]
    public async Task APriceThatWaitedMonths_CountsItsRetryAgeFromItsDay_NotFromWhenItArrived()
    {
        var claim = Message(1, "P-1", Price("A", "PR00", "1000", "10", "2027-01-01", "9999-12-31")) with { RetryFrom = Claims.Start };
        clock.Now = new DateTimeOffset(2027, 1, 1, 0, 1, 0, TimeSpan.Zero);
        var store = new FakeDeliveryStore([claim]);
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.TransientFailure("503 Service Unavailable"));

        await Round(store, connector).RunAsync(Claims.Channel, CancellationToken.None);

        var result = store.Completions.Single().Single();
        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.RetryScheduled), "25 days after arrival, but a minute after the price became valid: within MaxRetryAge (3 days)");
    }

    [Test]
    public void ValidityDays_StartAtMidnightInTheConfiguredTimeZone()
    {
        var berlin = new PricesOptions { TimeZone = "Europe/Berlin" };

        Assert.That(berlin.StartOf(new DateOnly(2027, 1, 1)), Is.EqualTo(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.That(new PricesOptions().StartOf(new DateOnly(2027, 1, 1)), Is.EqualTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Configuration_NamesTheSalesAreasOfEveryChannelRoutedForPrices()
    {
        var bridge = new BridgeOptions
        {
            Channels = { ["shop"] = new ChannelOptions { Platform = "shopify", BaseUrl = "https://shop.example.com/", AccessToken = "t" } },
            Routes = { ["Prices"] = ["shop"] },
            Prices = new PricesOptions { SalesAreas = { ["elsewhere"] = ["1000"] }, TimeZone = "Mars/Olympus" },
        };

        var errors = bridge.Validate();

        Assert.That(errors, Has.Some.EqualTo("ErpBridge:Prices:SalesAreas:shop: channel 'shop' is routed for Prices but no sales area (VKORG/VTWEG) feeds it."));
        Assert.That(errors, Has.Some.EqualTo("ErpBridge:Prices:SalesAreas:elsewhere: channel 'elsewhere' is not configured under ErpBridge:Channels."));
        Assert.That(errors, Has.Some.EqualTo("ErpBridge:Prices:SalesAreas:elsewhere: '1000' is not a sales area 'VKORG/VTWEG' (e.g. 1000/10)."));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Prices:TimeZone: 'Mars/Olympus'"));
        Assert.That(new PricesOptions { SalesConditionTypes = ["zpr1"] }.IsSalesPrice("ZPR1"), Is.True);
        Assert.That(new PricesOptions { SalesConditionTypes = ["zpr1"] }.IsSalesPrice("PR00"), Is.False, "configured types replace the defaults");
    }

    private DeliveryRound Round(FakeDeliveryStore store, FakeChannelConnector connector) =>
        DeliveryRounds.Create(store, connector, new DeliveryOptions(), clock, prices: Prices);

    private static ClaimedDelivery Message(long deliveryId, string messageId, params string[] prices) =>
        Claims.Claim(deliveryId, messageId, MessageType.Prices, 0, $"""
            <Prices xmlns="{XmlNamespaces.Prices}"><MessageId>{messageId}</MessageId><Conditions>{string.Concat(prices)}</Conditions></Prices>
            """);

    private static string Price(string sku, string type, string organization, string distribution, string from, string to, string amount = "9.5", string currency = "EUR") =>
        $"<Price><Sku>{sku}</Sku><Amount>{amount}</Amount><Currency>{currency}</Currency><ValidFrom>{from}</ValidFrom><ValidTo>{to}</ValidTo><ConditionType>{type}</ConditionType><SalesOrganization>{organization}</SalesOrganization><DistributionChannel>{distribution}</DistributionChannel></Price>";
}
