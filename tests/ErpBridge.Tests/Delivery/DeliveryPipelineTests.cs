using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

public sealed class DeliveryPipelineTests
{
    private const int MaxAttempts = 3;

    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));
    private FakeMessageMaps maps = new();

    [SetUp]
    public void FreshMaps() => maps = new FakeMessageMaps(); // NUnit keeps one instance of the fixture for all its tests

    [Test]
    public async Task DeliverAsync_Delivered_RecordsTheItemsNowOnThePlatform()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.Delivered(new Dictionary<string, string> { ["sku:A"] = "gid://1" }));

        var result = await Pipeline().DeliverAsync(Target(connector), Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(result.Attempts, Is.EqualTo(1));
        Assert.That(result.NextAttemptAt, Is.Null);
        Assert.That(result.DeliveredKeys, Is.EqualTo(new[] { "inv:A@WH1" }));
        Assert.That(result.Detail, Is.EqualTo("delivered; ids sku:A=gid://1"));
        Assert.That(FakeMessageMaps.SkusOf(connector.Executed.Single()), Is.EqualTo("A"));
    }

    [Test]
    public async Task DeliverAsync_MapParameters_CarryTheChannelsOwnAndTheIdempotencyKey()
    {
        var connector = new FakeChannelConnector(Claims.Channel);
        var claim = Claims.Stock(1, "M-1", 0, "A@WH1");

        await Pipeline().DeliverAsync(Target(connector), Read(claim), CancellationToken.None);

        var parameters = maps.OutboundParameters.Single();
        Assert.That(parameters["weight-unit"], Is.EqualTo("lb"));
        Assert.That(parameters["message-id"], Is.EqualTo("M-1"));
        Assert.That(parameters["channel"], Is.EqualTo(Claims.Channel));
        Assert.That(parameters["idempotency-key"], Is.EqualTo(DeliveryPipeline.IdempotencyKey("M-1", Claims.Channel, ["inv:A@WH1"])));
    }

    [Test]
    public async Task DeliverAsync_Transient_SchedulesTheRetryFromTheClock()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.TransientFailure("HTTP 503"));

        var result = await Pipeline().DeliverAsync(Target(connector), Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.RetryScheduled));
        Assert.That(result.NextAttemptAt, Is.EqualTo(clock.Now.AddSeconds(5)), "the first retry waits the base delay (no jitter here)");
        Assert.That(result.LastError, Is.EqualTo("HTTP 503"));
        Assert.That(result.DeliveredKeys, Is.Empty);
    }

    [Test]
    public async Task DeliverAsync_TransientWithALongerRetryAfter_WaitsWhatThePlatformSaid()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.TransientFailure("HTTP 429", TimeSpan.FromSeconds(40)));

        var result = await Pipeline().DeliverAsync(Target(connector), Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.NextAttemptAt, Is.EqualTo(clock.Now.AddSeconds(40)));
    }

    [Test]
    public async Task DeliverAsync_TransientOnTheLastAttempt_DeadLetters()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.TransientFailure("HTTP 503"));
        var claim = Claims.Claim(1, "M-1", MessageType.Inventory, 0, Claims.Stock(1, "M-1", 0, "A@WH1").Payload, attempts: MaxAttempts - 1);

        var result = await Pipeline().DeliverAsync(Target(connector), Read(claim), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.Attempts, Is.EqualTo(MaxAttempts));
        Assert.That(result.NextAttemptAt, Is.Null);
        Assert.That(result.LastError, Is.EqualTo($"gave up after {MaxAttempts} attempts: HTTP 503"));
    }

    [Test]
    public async Task DeliverAsync_Permanent_DeadLettersWithThePlatformsReason()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => new DeliveryOutcome.PermanentFailure("unknown SKU A"));

        var result = await Pipeline().DeliverAsync(Target(connector), Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.LastError, Is.EqualTo("unknown SKU A"));
        Assert.That(result.Detail, Is.EqualTo("failed: unknown SKU A"));
    }

    [Test]
    public async Task DeliverAsync_ConnectorThrows_IsRetriedLikeATransientFailure()
    {
        var connector = new FakeChannelConnector(Claims.Channel, _ => throw new NullReferenceException());

        var result = await Pipeline().DeliverAsync(Target(connector), Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.RetryScheduled));
        Assert.That(result.LastError, Is.EqualTo("connector error: NullReferenceException"));
    }

    [Test]
    public async Task DeliverAsync_NoOutboundMap_DeadLettersWithoutSending()
    {
        var connector = new FakeChannelConnector(Claims.Channel);
        var target = Target(connector) with { Platform = "broken" };

        var result = await Pipeline().DeliverAsync(target, Read(Claims.Stock(1, "M-1", 0, "A@WH1")), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.LastError, Does.StartWith("outbound mapping failed: no outbound map"));
        Assert.That(connector.Executed, Is.Empty);
    }

    [Test]
    public async Task DeliverAsync_StockTogether_SendsOnePlanAndSettlesEveryMessage()
    {
        var connector = new FakeChannelConnector(Claims.Channel);
        var batch = new DeliveryBatch(DeliveryBatchKind.Together, [Read(Claims.Stock(1, "M-1", 0, "A@WH1")), Read(Claims.Stock(2, "M-2", 0, "B@WH1"))]);

        var results = await Pipeline().DeliverAsync(Target(connector), batch, CancellationToken.None);

        Assert.That(FakeMessageMaps.SkusOf(connector.Executed.Single()), Is.EqualTo("A,B"));
        Assert.That(results.Select(r => (r.MessageId, r.Status, r.Detail)), Is.EqualTo(new[]
        {
            ("M-1", DeliveryStatus.Delivered, "delivered (in a batch of 2 messages)"),
            ("M-2", DeliveryStatus.Delivered, "delivered (in a batch of 2 messages)"),
        }));
    }

    [Test]
    public async Task DeliverAsync_StockTogetherRefused_SendsEachAloneSoThatOnlyTheBadOneFails()
    {
        var connector = new FakeChannelConnector(Claims.Channel, plan => FakeMessageMaps.SkusOf(plan).Contains('B', StringComparison.Ordinal)
            ? new DeliveryOutcome.PermanentFailure("unknown SKU B")
            : new DeliveryOutcome.Delivered(new Dictionary<string, string>()));
        var batch = new DeliveryBatch(DeliveryBatchKind.Together, [Read(Claims.Stock(1, "M-1", 0, "A@WH1")), Read(Claims.Stock(2, "M-2", 0, "B@WH1"))]);

        var results = await Pipeline().DeliverAsync(Target(connector), batch, CancellationToken.None);

        Assert.That(connector.Executed.Select(FakeMessageMaps.SkusOf), Is.EqualTo(new[] { "A,B", "A", "B" }));
        Assert.That(results.Select(r => (r.MessageId, r.Status)), Is.EqualTo(new[] { ("M-1", DeliveryStatus.Delivered), ("M-2", DeliveryStatus.Failed) }));
    }

    [Test]
    public async Task DeliverAsync_InTurn_SendsOneAfterTheOther()
    {
        var connector = new FakeChannelConnector(Claims.Channel);
        var batch = new DeliveryBatch(DeliveryBatchKind.InTurn, [Read(Claims.Shipments(1, "S-1", "#1")), Read(Claims.Shipments(2, "S-2", "#1"))]);

        var results = await Pipeline().DeliverAsync(Target(connector), batch, CancellationToken.None);

        Assert.That(connector.Executed.Select(p => p.Calls[0].Id), Is.EqualTo(new[] { "S-1", "S-2" }));
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public void IdempotencyKey_SameMessageChannelAndItems_IsTheSameInAnyOrder()
    {
        var key = DeliveryPipeline.IdempotencyKey("M-1", "shop", ["b", "a"]);

        Assert.That(DeliveryPipeline.IdempotencyKey("M-1", "shop", ["a", "b"]), Is.EqualTo(key));
        Assert.That(DeliveryPipeline.IdempotencyKey("M-1", "other", ["a", "b"]), Is.Not.EqualTo(key));
        Assert.That(Guid.TryParse(key, out _), Is.True);
    }

    private DeliveryPipeline Pipeline() =>
        new(maps, new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), MaxAttempts, jitter: false), clock, NullLogger<DeliveryPipeline>.Instance, MapThreadsForTests.Shared, TimeSpan.FromSeconds(30));

    private static DeliveryTarget Target(FakeChannelConnector connector) =>
        new(Claims.Channel, "fake", connector, new Dictionary<string, string> { ["weight-unit"] = "lb" });

    private static PlannedDelivery Read(ClaimedDelivery claim) => new(claim, Claims.Canonical(claim));
}
