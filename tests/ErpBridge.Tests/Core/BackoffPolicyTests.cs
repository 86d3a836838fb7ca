using ErpBridge.Core.Delivery;
using ErpBridge.Delivery;
using ErpBridge.Orders;
using ErpBridge.Reconciliation;

namespace ErpBridge.Tests.Core;

public sealed class BackoffPolicyTests
{
    [Test]
    public void Delay_WithoutJitter_DoublesFromTheBaseUpToTheMax()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), 10, jitter: false);

        Assert.That(Enumerable.Range(1, 6).Select(a => policy.Delay(a, null).TotalSeconds), Is.EqualTo(new[] { 5d, 10, 20, 30, 30, 30 }));
    }

    [Test]
    public void Delay_AttemptFarBeyondTheSchedule_StaysAtTheMax()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), int.MaxValue, jitter: false);

        Assert.That(policy.Delay(1_000, null), Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [TestCase(0.0, 10.0)]
    [TestCase(0.5, 15.0)]
    [TestCase(0.999, 19.99)]
    public void Delay_WithJitter_IsHalfFixedHalfRandom(double draw, double expectedSeconds)
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 10, random: new FixedRandom(draw));

        Assert.That(policy.Delay(3, null).TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));
    }

    [Test]
    public void Delay_PlatformWaitLongerThanTheSchedule_IsTheFloor()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 10, jitter: false);

        Assert.That(policy.Delay(1, TimeSpan.FromSeconds(42)), Is.EqualTo(TimeSpan.FromSeconds(42)));
        Assert.That(policy.Delay(3, TimeSpan.FromSeconds(1)), Is.EqualTo(TimeSpan.FromSeconds(20)), "a shorter platform wait does not shorten the schedule");
    }

    [Test]
    public void Decide_BeforeTheLastAttempt_RetriesAfterTheDelay()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 3, jitter: false);

        Assert.That(policy.Decide(2, new DeliveryOutcome.TransientFailure("HTTP 503")), Is.EqualTo(new RetryDecision.Retry(TimeSpan.FromSeconds(10))));
    }

    [Test]
    public void Decide_TheLastAttempt_GivesUpNamingTheAttemptsAndTheReason()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), 3, jitter: false);

        Assert.That(policy.Decide(3, new DeliveryOutcome.TransientFailure("HTTP 503")), Is.EqualTo(new RetryDecision.GiveUp("gave up after 3 attempts: HTTP 503")));
    }

    [Test]
    public void DeliveryDefaults_FiveSecondsDoublingToFifteenMinutes_RetriedForThreeDays()
    {
        var policy = new DeliveryOptions().Backoff();

        Assert.That(policy.MaxAttempts, Is.Zero, "no limit on the count: the age decides (issue 14)");
        Assert.That(policy.MaxAge, Is.EqualTo(TimeSpan.FromDays(3)));
        Assert.That(policy.Delay(1, null), Is.InRange(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)));
        Assert.That(policy.Delay(20, null), Is.InRange(TimeSpan.FromMinutes(7.5), TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void OrderPushDefaults_TenSecondsDoublingToThirtyMinutes_TenAttempts()
    {
        var policy = new OrdersOptions().PushBackoff();

        Assert.That(policy.MaxAttempts, Is.EqualTo(10));
        Assert.That(policy.Delay(1, null), Is.InRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
        Assert.That(policy.Delay(20, null), Is.InRange(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)));
    }

    [Test]
    public void ReconciliationPageDefaults_TwoFourEightSixteenThirtyTwoSeconds_ThenTheRunFails()
    {
        var policy = new ReconciliationOptions().PageBackoff();
        var failure = new DeliveryOutcome.TransientFailure("HTTP 503");

        Assert.That(Enumerable.Range(1, 5).Select(a => policy.Decide(a, failure)), Is.EqualTo(new[] { 2, 4, 8, 16, 32 }.Select(s => new RetryDecision.Retry(TimeSpan.FromSeconds(s)))));
        Assert.That(policy.Decide(6, failure), Is.TypeOf<RetryDecision.GiveUp>());
        Assert.That(new ReconciliationOptions { MaxPageAttempts = 20 }.PageBackoff().Delay(10, null), Is.EqualTo(TimeSpan.FromMinutes(1)), "a minute at most");
    }

    /// <summary>Draws the same number every time.</summary>
    private sealed class FixedRandom(double draw) : Random
    {
        public override double NextDouble() => draw;
    }
}
