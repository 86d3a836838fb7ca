using ErpBridge.Connectors.Http;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class FixedRatePacerTests
{
    [Test]
    public async Task WaitAsync_SpacesRequestsByTheRate_OnTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var pacer = new FixedRatePacer(clock, requestsPerSecond: 2);

        await pacer.WaitAsync(null, CancellationToken.None);
        var second = pacer.WaitAsync(null, CancellationToken.None).AsTask();
        var third = pacer.WaitAsync(null, CancellationToken.None).AsTask();

        Assert.That(second.IsCompleted, Is.False, "the second request waits half a second");
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(second.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.That(third.IsCompleted, Is.False, "the third waits for its own slot, a second after the first");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await third;
    }

    [Test]
    public async Task WaitAsync_NoRate_NeverWaits()
    {
        var pacer = new FixedRatePacer(new FakeTimeProvider(), requestsPerSecond: null);

        for (var i = 0; i < 100; i++)
        {
            Assert.That(pacer.WaitAsync(null, CancellationToken.None).IsCompleted, Is.True);
        }

        await Task.CompletedTask;
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Validate_NotAPositiveRate_IsRefused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedRatePacer.Validate(rate, "MaxRequestsPerSecond"));
    }
}
