using ErpBridge.Core.Security;
using ErpBridge.Soap;

namespace ErpBridge.Tests.Soap;

/// <summary>The gate's limits and the throttle's settings: documented defaults, and values out of range named by key.</summary>
public sealed class GateOptionsTests
{
    [Test]
    public void Defaults_AsDocumented()
    {
        var soap = new SoapOptions();
        var security = new SecurityOptions();

        Assert.That((soap.MaxDepth, soap.MaxItemsPerMessage), Is.EqualTo((128, 10_000)));
        Assert.That((security.MaxFailuresPerUserName, security.MaxFailuresPerAddress, security.FailureWindowSeconds), Is.EqualTo((10, 30, 60)));
        Assert.That(soap.Validate(), Is.Empty);
        Assert.That(security.Validate(), Is.Empty);
    }

    [Test]
    public void SoapLimitsOutOfRange_NamedByKey()
    {
        var errors = new SoapOptions { MaxDepth = 8, MaxItemsPerMessage = 0 }.Validate();

        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Soap:MaxDepth:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Soap:MaxItemsPerMessage:"));
    }

    [Test]
    public void ThrottleSettingsOutOfRange_NamedByKey()
    {
        var errors = new SecurityOptions { MaxFailuresPerUserName = 0, MaxFailuresPerAddress = 0, FailureWindowSeconds = 0 }.Validate();

        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Security:MaxFailuresPerUserName:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Security:MaxFailuresPerAddress:"));
        Assert.That(errors, Has.Some.StartsWith("ErpBridge:Security:FailureWindowSeconds:"));
    }
}
