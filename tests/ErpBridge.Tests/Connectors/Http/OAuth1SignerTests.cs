using ErpBridge.Connectors.Http;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class OAuth1SignerTests
{
    /// <summary>The worked example of OAuth Core 1.0 (Appendix A.5), which RFC 5849 keeps: a GET of photos with a token.</summary>
    private static readonly Uri PhotoUrl = new("http://photos.example.net/photos?file=vacation.jpg&size=original");

    [Test]
    public void BaseString_OfThePublishedExample_IsThePublishedOne()
    {
        var oauth = Signer("HMAC-SHA1").Sign("GET", PhotoUrl, timestamp: 1191242096, nonce: "kllo9940pd9333jh");

        Assert.That(OAuth1Signer.BaseString("GET", PhotoUrl, oauth), Is.EqualTo(
            "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh"
            + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal"));
    }

    [Test]
    public void Sign_ThePublishedExample_GivesThePublishedSignature()
    {
        var oauth = Signer("HMAC-SHA1").Sign("GET", PhotoUrl, timestamp: 1191242096, nonce: "kllo9940pd9333jh");

        Assert.That(oauth.Single(p => p.Key == "oauth_signature").Value, Is.EqualTo("tR3+Ty81lMeYAr/Fid0kMTYa/WM="));
    }

    [Test]
    public void AuthorizationHeader_ListsEveryParameterEncoded_InNameOrder()
    {
        var header = Signer("HMAC-SHA1").AuthorizationHeader("GET", PhotoUrl, timestamp: 1191242096, nonce: "kllo9940pd9333jh");

        Assert.That(header, Is.EqualTo(
            "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"kllo9940pd9333jh\", oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\", "
            + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1191242096\", oauth_token=\"nnch734d00sl2jdk\", oauth_version=\"1.0\""));
    }

    [Test]
    public void Sign_Sha256_DiffersFromSha1_AndIsStableForTheSameInput()
    {
        var sha256 = Signer("HMAC-SHA256").Sign("GET", PhotoUrl, timestamp: 1191242096, nonce: "kllo9940pd9333jh");
        var again = Signer("HMAC-SHA256").Sign("GET", PhotoUrl, timestamp: 1191242096, nonce: "kllo9940pd9333jh");

        Assert.That(sha256.Single(p => p.Key == "oauth_signature").Value, Is.Not.EqualTo("tR3+Ty81lMeYAr/Fid0kMTYa/WM=")
            .And.EqualTo(again.Single(p => p.Key == "oauth_signature").Value)
            .And.Length.EqualTo(44), "a base64 SHA-256");
    }

    [Test]
    public void Sign_FreshNonceAndTheInjectedClocksTime_PerRequest()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));
        var signer = new OAuth1Signer("key", "secret", null, null, OAuth1Signer.HmacSha256, clock, withVersion: false);

        var first = signer.Sign("GET", PhotoUrl);
        var second = signer.Sign("GET", PhotoUrl);

        Assert.That(first.Single(p => p.Key == "oauth_timestamp").Value, Is.EqualTo("1900000000"));
        Assert.That(first.Single(p => p.Key == "oauth_nonce").Value, Is.Not.EqualTo(second.Single(p => p.Key == "oauth_nonce").Value));
        Assert.That(first.Select(p => p.Key), Does.Not.Contain("oauth_token").And.Not.Contain("oauth_version"), "one-legged, as WooCommerce signs");
    }

    [Test]
    public void Encode_KeepsOnlyUnreservedCharacters()
    {
        Assert.That(OAuth1Signer.Encode("a b+c/d~e.f_g-h*ä"), Is.EqualTo("a%20b%2Bc%2Fd~e.f_g-h%2A%C3%A4"));
    }

    private static OAuth1Signer Signer(string method) =>
        new("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", method, TimeProvider.System);
}
