using ErpBridge.Core.Security;

namespace ErpBridge.Tests.Core;

public sealed class SecretHashTests
{
    [Test]
    public void Create_ThenVerify_RightAndWrong()
    {
        var hash = SecretHash.Create("correct horse", iterations: 10_000);
        Assert.That(SecretHash.Verify("correct horse", hash), Is.True);
        Assert.That(SecretHash.Verify("correct horsE", hash), Is.False);
        Assert.That(hash, Does.Not.Contain("correct"));
    }

    [Test]
    public void Create_Twice_DifferentSalt()
    {
        var first = SecretHash.Create("x", 10_000);
        var second = SecretHash.Create("x", 10_000);
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCase("")]
    [TestCase("plain-password")]
    [TestCase("PBKDF2-SHA256$100$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [TestCase("PBKDF2-SHA256$100000$not base64$aGFzaA==")]
    [TestCase("MD5$1$a$b")]
    public void IsWellFormed_Bad_False(string encoded)
    {
        Assert.That(SecretHash.IsWellFormed(encoded), Is.False);
        Assert.That(SecretHash.Verify("anything", encoded), Is.False);
    }
}
