using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Tests.Connectors;

public sealed class PageNumberTokenTests
{
    [Test]
    public void Read_NoToken_FirstPage()
    {
        Assert.That(PageNumberToken.Read(null, "WooCommerce", "woo", out var failure), Is.EqualTo(1));
        Assert.That(failure, Is.Null);
    }

    [TestCase("1", 1)]
    [TestCase("42", 42)]
    public void Read_PageNumber_ThatPage(string token, int page)
    {
        Assert.That(PageNumberToken.Read(token, "Magento", "mage", out var failure), Is.EqualTo(page));
        Assert.That(failure, Is.Null);
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase(" 2")]
    [TestCase("page=2")]
    [TestCase("2:100")]
    public void Read_NotAPageNumber_PermanentFailureNamingPlatformAndChannel(string token)
    {
        Assert.That(PageNumberToken.Read(token, "BigCommerce", "bc-eu", out var failure), Is.Null);
        Assert.That(failure?.Failure, Is.InstanceOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)failure!.Failure!).Reason,
            Is.EqualTo($"page token '{token}' is not a BigCommerce page number (channel 'bc-eu'); start again without one"));
    }
}
