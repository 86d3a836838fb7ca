using ErpBridge.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Delivery;

/// <summary>Issue 16, requirement 4: the heartbeat of a held channel lease, over a fake store and a fake clock.</summary>
public sealed class ChannelLeaseTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly DeliveryOptions options = new() { LeaseDuration = TimeSpan.FromMinutes(2) };
    private FakeTimeProvider time = null!;

    [SetUp]
    public void CreateClock() => time = new FakeTimeProvider(Claims.Start);

    [Test]
    public async Task Hold_RenewalsLand_HoldsPastTheFirstLease()
    {
        var store = new FakeDeliveryStore([]);
        await using var lease = ChannelLease.Hold(store, Claims.Channel, "w1", time.GetUtcNow(), options, time, NullLogger.Instance);

        for (var beat = 1; beat <= 6; beat++)
        {
            time.Advance(options.Heartbeat);
            await UntilAsync(() => lease.Renewals == beat);
        }

        Assert.That(lease.Lost.IsCancellationRequested, Is.False);
        Assert.That(lease.Reason, Is.Null);
        Assert.That(store.Renewals, Is.EqualTo(6), "one renewal per heartbeat, two lease times long");
    }

    [TestCase(false, "another node holds the channel")]
    [TestCase(true, "database is locked")]
    public async Task Hold_RenewalRefusedOrThrows_LostAtThatHeartbeatWithTheReason(bool throws, string reason)
    {
        var store = new FakeDeliveryStore([])
        {
            Renewal = _ => throws ? throw new InvalidOperationException("database is locked") : Task.FromResult(false),
        };
        await using var lease = ChannelLease.Hold(store, Claims.Channel, "w1", time.GetUtcNow(), options, time, NullLogger.Instance);

        time.Advance(options.Heartbeat);
        await UntilAsync(() => lease.Lost.IsCancellationRequested);

        Assert.That(lease.Reason, Does.Contain(reason));
        Assert.That(store.Renewals, Is.EqualTo(1));
    }

    [Test]
    public async Task Hold_RenewalNeverLands_LostOneHeartbeatBeforeTheLeaseRunsOut()
    {
        var store = new FakeDeliveryStore([]) { Renewal = ct => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => true, TaskScheduler.Default) };
        await using var lease = ChannelLease.Hold(store, Claims.Channel, "w1", time.GetUtcNow(), options, time, NullLogger.Instance);

        time.Advance(options.Heartbeat);
        await UntilAsync(() => store.Renewals == 1);
        time.Advance(options.LeaseDuration - options.Heartbeat - options.Heartbeat - TimeSpan.FromSeconds(1));
        var beforeTheMargin = lease.Lost.IsCancellationRequested;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(beforeTheMargin, Is.False);
        Assert.That(lease.Lost.IsCancellationRequested, Is.True, "stopped at lease expiry minus one heartbeat");
        Assert.That(lease.Reason, Does.StartWith("no renewal landed"));
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.That(waited.Elapsed, Is.LessThan(Wait), "the heartbeat did not get there");
            await Task.Delay(10);
        }
    }
}
