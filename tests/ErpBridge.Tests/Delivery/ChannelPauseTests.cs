using ErpBridge.Core.Delivery;
using ErpBridge.Core.Status;
using ErpBridge.Delivery;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Delivery;

/// <summary>Issue 14, requirement 6: refused credentials pause the channel; its messages wait without spending attempts.</summary>
public sealed class ChannelPauseTests
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMinutes(1);

    private readonly ManualTimeProvider clock = new(Claims.Start.AddHours(1));

    [Test]
    public async Task Round_RefusedCredentials_PausesTheChannel_AndKeepsEveryMessagePendingWithoutSpendingAnAttempt()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-1", 0, "A") with { Attempts = 2 }, Claims.Products(2, "P-2", 0, "B"), Claims.Products(3, "P-3", 0, "C")]);
        var connector = new HangingChannelConnector(Claims.Channel, Refused);

        var result = await Round(store, connector).RunAsync(Claims.Channel, 200, CancellationToken.None);

        Assert.That(result.PausedFor, Does.StartWith("authentication failed (401"));
        var results = store.Completions.Single();
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(DeliveryStatus.Pending));
        Assert.That(results.Single(r => r.MessageId == "P-1").Attempts, Is.EqualTo(2), "the claim's attempt is given back");
        Assert.That(results.Where(r => r.MessageId != "P-1").Select(r => r.Attempts), Is.All.Zero);
        Assert.That(connector.Executed, Has.Count.EqualTo(1), "once the store refused the credentials, the rest of the round is not sent");
        Assert.That(store.Pause, Is.EqualTo(new ChannelPause(Claims.Channel, PauseKind.Credentials, result.PausedFor!, clock.Now, clock.Now + ProbeInterval)));
    }

    [Test]
    public async Task Job_PausedBeforeTheProbeIsDue_ClaimsNothing()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-1", 0, "A")])
        {
            Pause = new ChannelPause(Claims.Channel, PauseKind.Credentials, "authentication failed", clock.Now, clock.Now + ProbeInterval),
        };
        var connector = new HangingChannelConnector(Claims.Channel);

        Assert.That(await Job(store, connector).RunAsync(Claims.Channel, CancellationToken.None), Is.Zero);
        Assert.That(connector.Executed, Is.Empty);
        Assert.That(store.Releases, Is.EqualTo(1), "the channel lease is given back");
    }

    [Test]
    public async Task Job_TheProbeGoesThrough_ResumesTheChannelAndDeliversTheBacklog()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-1", 0, "A"), Claims.Products(2, "P-2", 0, "B"), Claims.Products(3, "P-3", 0, "C")]);
        var connector = new HangingChannelConnector(Claims.Channel, Refused);
        var job = Job(store, connector);

        Assert.That(await job.RunAsync(Claims.Channel, CancellationToken.None), Is.EqualTo(3));
        Assert.That(store.Pause?.By, Is.EqualTo(PauseKind.Credentials));
        store.Add([.. store.Completions.Single().Select(r => Claims.Products(r.DeliveryId, r.MessageId, 0, ((char)('A' + r.DeliveryId - 1)).ToString()))]);

        clock.Advance(ProbeInterval);
        Assert.That(await job.RunAsync(Claims.Channel, CancellationToken.None), Is.EqualTo(1), "the probe tries one delivery");
        Assert.That(store.Pause?.ProbeAt, Is.EqualTo(clock.Now + ProbeInterval), "refused again: the next probe is an interval later");

        connector.Answer = _ => new DeliveryOutcome.Delivered(new Dictionary<string, string>());
        clock.Advance(ProbeInterval);
        Assert.That(await job.RunAsync(Claims.Channel, CancellationToken.None), Is.EqualTo(2), "the probe and the rest of the backlog (this fake hands a claim out once: P-1 went to the first probe)");
        Assert.That(store.Pause, Is.Null, "resumed by itself");
        Assert.That(store.Completions.Skip(2).SelectMany(c => c).Select(r => r.Status), Is.All.EqualTo(DeliveryStatus.Delivered));
        Assert.That(store.Completions.SelectMany(c => c).Where(r => r.Status == DeliveryStatus.Failed), Is.Empty, "nothing became a dead letter");
    }

    [Test]
    public async Task Job_AnOperatorsPause_IsNeitherProbedNorLiftedByTheBridge()
    {
        var store = new FakeDeliveryStore([Claims.Products(1, "P-1", 0, "A")])
        {
            Pause = new ChannelPause(Claims.Channel, PauseKind.Operator, "store migration", clock.Now, null),
        };
        var connector = new HangingChannelConnector(Claims.Channel);
        var job = Job(store, connector);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await job.RunAsync(Claims.Channel, CancellationToken.None), Is.Zero);
        await store.PauseChannelAsync(new ChannelPause(Claims.Channel, PauseKind.Credentials, "401", clock.Now, clock.Now), CancellationToken.None);
        Assert.That(await store.ResumeChannelAsync(Claims.Channel, PauseKind.Credentials, CancellationToken.None), Is.False);

        Assert.That(store.Pause?.By, Is.EqualTo(PauseKind.Operator));
        Assert.That(connector.Executed, Is.Empty);
    }

    [Test]
    public void Decide_ATransientFailureWithinMaxRetryAge_IsRetriedHoweverManyAttemptsItTook()
    {
        var pipeline = Pipeline();
        var claim = Claims.Products(1, "P-1", 0, "A") with { Attempts = 50, RetryFrom = clock.Now - TimeSpan.FromDays(2) };

        var result = pipeline.Decide(new PlannedDelivery(claim, Claims.Canonical(claim)), new DeliveryOutcome.TransientFailure("Store 503"), "");

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.RetryScheduled));
        Assert.That(result.NextAttemptAt, Is.EqualTo(clock.Now + TimeSpan.FromMinutes(15)), "backed off up to the cap");
    }

    [Test]
    public void Decide_ATransientFailureBeyondMaxRetryAge_BecomesADeadLetterSayingSo()
    {
        var pipeline = Pipeline();
        var claim = Claims.Products(1, "P-1", 0, "A") with { Attempts = 300, RetryFrom = clock.Now - TimeSpan.FromDays(3) };

        var result = pipeline.Decide(new PlannedDelivery(claim, Claims.Canonical(claim)), new DeliveryOutcome.TransientFailure("Store 503"), "");

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.LastError, Is.EqualTo("gave up after 301 attempts over 3 day(s) (retried for at most 3 day(s)): Store 503"));
    }

    private static DeliveryOutcome Refused(RequestPlan plan) =>
        new DeliveryOutcome.PermanentFailure("authentication failed (401 on POST stock, channel 'shop'); check the channel's credentials", CredentialsRefused: true);

    private static DeliveryOptions Options() => new() { WorkerId = "test", MaxConcurrencyPerChannel = 1, PausedProbeInterval = ProbeInterval };

    private DeliveryPipeline Pipeline()
    {
        var options = new DeliveryOptions();
        var backoff = new BackoffPolicy(options.BackoffBase, options.BackoffMax, options.MaxAttempts, jitter: false, maxAge: options.MaxRetryAge);
        return new DeliveryPipeline(new FakeMessageMaps(), backoff, clock, NullLogger<DeliveryPipeline>.Instance, MapThreadsForTests.Shared, options.MessageBudget);
    }

    private DeliveryRound Round(FakeDeliveryStore store, HangingChannelConnector connector) =>
        DeliveryRounds.Create(store, connector, Options(), clock);

    private DeliverChannelJob Job(FakeDeliveryStore store, HangingChannelConnector connector) =>
        new(store, Round(store, connector), Options(), new DeliveryWakeup(NullLogger<DeliveryWakeup>.Instance), clock, NullLogger<DeliverChannelJob>.Instance);
}
