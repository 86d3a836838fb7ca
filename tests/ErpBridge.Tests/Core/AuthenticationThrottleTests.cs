using System.Net;
using ErpBridge.Core.Security;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Core;

/// <summary>Failed authentications throttled per user name and per source address (issue 14, requirement 8).</summary>
public sealed class AuthenticationThrottleTests
{
    private static readonly string Hash = SecretHash.Create("s3cret!", iterations: 10_000);
    private static readonly IPAddress Client = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private AuthenticationCounters counters = null!;
    private ClientAuthenticator authenticator = null!;

    [SetUp]
    public void Create()
    {
        counters = new AuthenticationCounters();
        authenticator = new ClientAuthenticator(
            new SecurityOptions
            {
                Clients = [new ClientOptions { UserName = "sap", PasswordHash = Hash }],
                MaxFailuresPerUserName = 3,
                MaxFailuresPerAddress = 5,
                FailureWindowSeconds = 60,
            },
            time,
            counters);
    }

    [Test]
    public void WrongPasswords_BeyondTheUserNameLimit_RefusedWithoutKeyDerivationUntilTheWindowPasses()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.That(authenticator.Authenticate(Password("sap", "guess" + i), Attacker), Is.EqualTo(AuthenticationResult.Refused));
        }

        Assert.That(counters.KeyDerivations, Is.EqualTo(3));

        var throttled = authenticator.Authenticate(Password("sap", "guess3"), IPAddress.Parse("198.51.100.1"));
        Assert.That(throttled, Is.EqualTo(AuthenticationResult.ThrottledRefusal));
        Assert.That(counters.KeyDerivations, Is.EqualTo(3), "no key derivation once throttled");
        Assert.That(counters.Throttled, Is.EqualTo(1));

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), IPAddress.Parse("198.51.100.1")).ClientName, Is.EqualTo("sap"));
        Assert.That(counters.KeyDerivations, Is.EqualTo(4));
    }

    [Test]
    public void ThrottledUserName_RightPasswordFromANewAddress_StillRefused()
    {
        for (var i = 0; i < 3; i++)
        {
            authenticator.Authenticate(Password("sap", "guess" + i), Attacker);
        }

        // Otherwise the throttle would be a free oracle for the password.
        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), IPAddress.Parse("198.51.100.2")), Is.EqualTo(AuthenticationResult.ThrottledRefusal));
    }

    [Test]
    public void GuessesAtAClientsNameElsewhere_DoNotLockTheClientOutOfItsOwnAddress()
    {
        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), Client).ClientName, Is.EqualTo("sap"));
        for (var i = 0; i < 10; i++)
        {
            authenticator.Authenticate(Password("sap", "guess" + i), IPAddress.Parse("198.51.100." + (i + 1)));
        }

        var derivations = counters.KeyDerivations;
        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), Client).ClientName, Is.EqualTo("sap"));
        Assert.That(authenticator.Authenticate(Password("sap", "wrong"), Client), Is.EqualTo(AuthenticationResult.Refused), "a wrong password from the known address is still checked");
        Assert.That(counters.KeyDerivations, Is.EqualTo(derivations + 1), "the right password from the cache, the wrong one derived");
    }

    [Test]
    public void UnknownUserNamesFromOneAddress_BeyondTheAddressLimit_CostNothing()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.That(authenticator.Authenticate(Password("nobody" + i, "x"), Attacker), Is.EqualTo(AuthenticationResult.Refused));
        }

        Assert.That(counters.KeyDerivations, Is.EqualTo(5));
        for (var i = 5; i < 50; i++)
        {
            Assert.That(authenticator.Authenticate(Password("nobody" + i, "x"), Attacker), Is.EqualTo(AuthenticationResult.ThrottledRefusal));
        }

        Assert.That(counters.KeyDerivations, Is.EqualTo(5));
        Assert.That(authenticator.IsThrottled(Attacker), Is.True);
        Assert.That(authenticator.IsThrottled(Client), Is.False);
        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), Client).ClientName, Is.EqualTo("sap"), "other addresses go on");
    }

    [Test]
    public void ThrottledAddress_RefusesTheRightPasswordToo()
    {
        for (var i = 0; i < 5; i++)
        {
            authenticator.Authenticate(Password("nobody" + i, "x"), Attacker);
        }

        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), Attacker), Is.EqualTo(AuthenticationResult.ThrottledRefusal));
    }

    [Test]
    public void Ipv6AddressesOfOneSlash64_CountTogether()
    {
        for (var i = 1; i <= 5; i++)
        {
            authenticator.Authenticate(Password("nobody" + i, "x"), IPAddress.Parse("2001:db8:1:2::" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.That(authenticator.IsThrottled(IPAddress.Parse("2001:db8:1:2::ffff")), Is.True);
        Assert.That(authenticator.IsThrottled(IPAddress.Parse("2001:db8:1:3::1")), Is.False);
    }

    [Test]
    public void Ipv4MappedIntoIpv6_CountsAsTheIpv4Address()
    {
        for (var i = 0; i < 5; i++)
        {
            authenticator.Authenticate(Password("nobody" + i, "x"), Attacker.MapToIPv6());
        }

        Assert.That(authenticator.IsThrottled(Attacker), Is.True);
    }

    [Test]
    public void DigestGuesses_CountAsFailuresToo()
    {
        for (var i = 0; i < 3; i++)
        {
            authenticator.Authenticate(new PresentedCredential.Digest("sap", "AAAA", "AAAAAAAAAAA=", "2026-11-26T12:00:00Z"), Attacker);
        }

        Assert.That(authenticator.Authenticate(Password("sap", "s3cret!"), IPAddress.Parse("198.51.100.3")), Is.EqualTo(AuthenticationResult.ThrottledRefusal));
        Assert.That(counters.Failures, Is.EqualTo(3));
    }

    [Test]
    public void FailureWindows_ManyDistinctKeys_HoldNoMoreThanTheirSlots()
    {
        // The table's memory is fixed at construction; a million attacker keys only share its slots.
        var windows = new FailureWindows(64, 3, TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 1_000_000; i++)
        {
            windows.RecordFailure("198.51." + i);
        }

        Assert.That(windows.IsBlocked("any key at all"), Is.True, "with every slot full, a shared slot refuses earlier, never later");
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(windows.IsBlocked("any key at all"), Is.False);
    }

    [Test]
    public void FailureWindows_OneBlockedKey_BlocksAlmostNoOther()
    {
        // Each key counts in two slots and is blocked only when both are: among 20,000 other keys in 256 slots about
        // one shares both slots of the blocked key (20,000 x (2/256)^2), where one slot per key would block about 78.
        var windows = new FailureWindows(256, 3, TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 3; i++)
        {
            windows.RecordFailure("2001:db8:1:2::/64");
        }

        var blockedOthers = Enumerable.Range(0, 20_000).Count(i => windows.IsBlocked("key " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(windows.IsBlocked("2001:db8:1:2::/64"), Is.True);
        Assert.That(blockedOthers, Is.LessThan(15));
    }

    private static PresentedCredential.Password Password(string user, string secret) => new(user, secret);
}
