using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ErpBridge.Core.Security;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Core;

public sealed class ClientAuthenticatorTests
{
    private static readonly string Hash = SecretHash.Create("s3cret!", iterations: 10_000);
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private ClientAuthenticator authenticator = null!;

    [SetUp]
    public void Create() => authenticator = new ClientAuthenticator(Options(), time);

    private static SecurityOptions Options() =>
        new() { ReplayWindowSeconds = 300, Clients = [new ClientOptions { UserName = "sap", PasswordHash = Hash, DigestPassword = "s3cret!" }, new ClientOptions { UserName = "oracle", PasswordHash = Hash }] };

    [Test]
    public void Password_Right_UserName()
    {
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret!")), Is.EqualTo("sap"));
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret!")), Is.EqualTo("sap"), "second time from the verified cache");
    }

    [TestCase("sap", "wrong")]
    [TestCase("sap", "S3cret!")]
    [TestCase("nobody", "s3cret!")]
    [TestCase("sap", "")]
    public void Password_Wrong_Null(string user, string password)
    {
        authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret!"));
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password(user, password)), Is.Null);
    }

    [Test]
    public void Nothing_Null()
    {
        Assert.That(authenticator.Authenticate(null), Is.Null);
    }

    [Test]
    public void Digest_Valid_UserNameOnceThenReplayRefused()
    {
        var token = Digest("sap", "s3cret!", time.Now);
        Assert.That(authenticator.Authenticate(token), Is.EqualTo("sap"));
        Assert.That(authenticator.Authenticate(token), Is.Null);
    }

    [Test]
    public void Digest_SameNonceAfterWindowsPassed_StillRefusedByTime()
    {
        var token = Digest("sap", "s3cret!", time.Now);
        authenticator.Authenticate(token);
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.That(authenticator.Authenticate(token), Is.Null);
    }

    [TestCase(-301)]
    [TestCase(301)]
    public void Digest_CreatedOutsideWindow_Null(int seconds)
    {
        Assert.That(authenticator.Authenticate(Digest("sap", "s3cret!", time.Now.AddSeconds(seconds))), Is.Null);
    }

    [Test]
    public void Digest_SameNonceOtherBase64Spelling_RefusedAsReplay()
    {
        var token = Digest("sap", "s3cret!", time.Now);
        Assert.That(authenticator.Authenticate(token), Is.EqualTo("sap"));
        var respelt = token with { NonceBase64 = token.NonceBase64.Insert(4, " \r\n") };
        Assert.That(authenticator.Authenticate(respelt), Is.Null);
    }

    [Test]
    public void Digest_ShortNonce_Null()
    {
        var createdText = time.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        byte[] nonce = [1, 2, 3];
#pragma warning disable CA5350 // Defined by the UsernameToken profile.
        var digest = SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(createdText + "s3cret!")]);
#pragma warning restore CA5350
        Assert.That(authenticator.Authenticate(new PresentedCredential.Digest("sap", Convert.ToBase64String(digest), Convert.ToBase64String(nonce), createdText)), Is.Null);
    }

    [Test]
    public void Password_WrongAfterRightWasCached_StillNull()
    {
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret!")), Is.EqualTo("sap"));
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret?")), Is.Null);
        Assert.That(authenticator.Authenticate(new PresentedCredential.Password("sap", "s3cret!")), Is.EqualTo("sap"));
    }

    [Test]
    public void Digest_WrongPassword_Null()
    {
        Assert.That(authenticator.Authenticate(Digest("sap", "guess", time.Now)), Is.Null);
    }

    [Test]
    public void Digest_ClientWithoutDigestPassword_Null()
    {
        Assert.That(authenticator.Authenticate(Digest("oracle", "s3cret!", time.Now)), Is.Null);
    }

    [Test]
    public void Digest_NotBase64_Null()
    {
        Assert.That(authenticator.Authenticate(new PresentedCredential.Digest("sap", "***", "???", time.Now.ToString("O", CultureInfo.InvariantCulture))), Is.Null);
    }

    [Test]
    public async Task AuthenticateAsync_DigestAnotherNodeUsed_RefusedAndCountedAsAFailure()
    {
        var shared = new FakeNonceStore();
        var counters = new AuthenticationCounters();
        var token = Digest("sap", "s3cret!", time.Now);
        var otherNode = new ClientAuthenticator(Options(), time, sharedNonces: shared);
        var thisNode = new ClientAuthenticator(Options(), time, counters, shared);

        var first = await otherNode.AuthenticateAsync(token, null, CancellationToken.None);
        var replay = await thisNode.AuthenticateAsync(token, null, CancellationToken.None);

        Assert.That(first.ClientName, Is.EqualTo("sap"));
        Assert.That(replay, Is.EqualTo(AuthenticationResult.Refused));
        Assert.That(counters.Failures, Is.EqualTo(1));
        Assert.That(shared.Asked.Select(a => a.Expires - a.Now), Is.All.EqualTo(TimeSpan.FromSeconds(600)), "remembered for twice the window");
    }

    [Test]
    public async Task AuthenticateAsync_AsksTheSharedStoreOnlyForAValidDigestNewToThisProcess()
    {
        var shared = new FakeNonceStore();
        var node = new ClientAuthenticator(Options(), time, sharedNonces: shared);
        var token = Digest("sap", "s3cret!", time.Now);

        await node.AuthenticateAsync(new PresentedCredential.Password("sap", "s3cret!"), null, CancellationToken.None);
        await node.AuthenticateAsync(Digest("sap", "guess", time.Now), null, CancellationToken.None);
        var used = await node.AuthenticateAsync(token, null, CancellationToken.None);
        var replay = await node.AuthenticateAsync(token, null, CancellationToken.None);

        Assert.That(used.ClientName, Is.EqualTo("sap"));
        Assert.That(replay.ClientName, Is.Null, "refused by this process's own nonces");
        Assert.That(shared.Asked, Has.Count.EqualTo(1), "no round trip for passwords, wrong digests and replays this process saw");
    }

    [Test]
    public void PresentedCredential_ToString_HidesSecret()
    {
        Assert.That(new PresentedCredential.Password("sap", "s3cret!").ToString(), Does.Not.Contain("s3cret!"));
    }

    private static PresentedCredential.Digest Digest(string user, string password, DateTimeOffset created)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var createdText = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
#pragma warning disable CA5350 // Defined by the UsernameToken profile.
        var digest = SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(createdText + password)]);
#pragma warning restore CA5350
        return new PresentedCredential.Digest(user, Convert.ToBase64String(digest), Convert.ToBase64String(nonce), createdText);
    }
}
