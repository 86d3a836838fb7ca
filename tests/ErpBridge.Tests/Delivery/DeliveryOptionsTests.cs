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
}
