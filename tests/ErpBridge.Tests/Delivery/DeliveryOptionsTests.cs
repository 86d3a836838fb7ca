using ErpBridge.Delivery;

namespace ErpBridge.Tests.Delivery;

public sealed class DeliveryOptionsTests
{
    [Test]
    public void MapThreadsPerChannel_DefaultsToTheCoresAtLeastTwo_AndIsValid()
    {
        var options = new DeliveryOptions();

        Assert.That(options.MapThreadsPerChannel, Is.EqualTo(Math.Max(2, Environment.ProcessorCount)));
        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(257)]
    public void MapThreadsPerChannel_OutOfRange_IsNamedByItsKey(int threads)
    {
        var options = new DeliveryOptions { MapThreadsPerChannel = threads };

        Assert.That(options.Validate(), Has.One.Contains("ErpBridge:Delivery:MapThreadsPerChannel"));
    }

    [Test]
    public void LeaseHeartbeat_NotSet_IsAThirdOfTheLease()
    {
        var options = new DeliveryOptions { LeaseDuration = TimeSpan.FromMinutes(3) };

        Assert.That(options.Heartbeat, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase(0.5)]
    [TestCase(41)]
    public void LeaseHeartbeat_UnderASecondOrOverAThirdOfTheLease_IsNamedByItsKey(double seconds)
    {
        var options = new DeliveryOptions { LeaseDuration = TimeSpan.FromMinutes(2), LeaseHeartbeat = TimeSpan.FromSeconds(seconds) };

        Assert.That(options.Validate(), Has.One.Contains("ErpBridge:Delivery:LeaseHeartbeat"));
    }
}
