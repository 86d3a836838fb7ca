using System.Net;
using System.Text;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class StatusClassifierTests
{
    private readonly StatusClassifier classifier = new("Store", "shop", new RetryAfterReader(new FakeTimeProvider(), TimeSpan.FromMinutes(5)));

    [TestCase(200)]
    [TestCase(201)]
    [TestCase(204)]
    public void Classify_2xx_IsSuccess(int status)
    {
        Assert.That(Classify(status), Is.Null);
    }

    [TestCase(408)]
    [TestCase(425)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public void Classify_TimeoutTooEarlyRateLimitedOrServerError_IsTransientWithItsWait(int status)
    {
        var outcome = Classify(status, "{\"message\":\"busy\"}", ("Retry-After", "12"));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>());
        var transient = (DeliveryOutcome.TransientFailure)outcome!;
        Assert.That(transient.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(transient.Reason, Does.Contain($"Store {status} on GET things").And.Contain("channel 'shop'").And.Contain("busy"));
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(422)]
    public void Classify_Other4xx_IsPermanentWithThePlatformsMessage(int status)
    {
        var outcome = Classify(status, "sku is not valid");

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome!).Reason, Is.EqualTo($"Store {status} on GET things (channel 'shop'): sku is not valid"));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome!).CredentialsRefused, Is.False);
    }

    [TestCase(401)]
    [TestCase(403)]
    public void Classify_RefusedCredentials_IsPermanentAuthenticationFailure(int status)
    {
        var outcome = Classify(status, "bad token");

        Assert.That(((DeliveryOutcome.PermanentFailure)outcome!).Reason, Does.StartWith($"authentication failed ({status} on GET things, channel 'shop': bad token)"));
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome!).CredentialsRefused, Is.True, "delivery pauses the channel on it (issue 14)");
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public void Classify_Redirect_IsPermanentAndNamesTheTarget(int status)
    {
        var outcome = Classify(status, "", ("Location", "https://elsewhere.example/api"));

        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)outcome!).Reason,
            Does.Contain("redirects to https://elsewhere.example/api").And.Contain("not followed with the channel's credentials"));
    }

    [TestCase("https://shop.example/wp-json/wc/v3/products?oauth_consumer_key=ck_live_1&oauth_signature=abc", "https://shop.example/wp-json/wc/v3/products")]
    [TestCase("/wp-json/wc/v3/products?oauth_consumer_key=ck_live_1&oauth_nonce=n", "/wp-json/wc/v3/products")]
    public void Classify_RedirectEchoingTheQuery_NamesTheTargetWithoutIt(string location, string named)
    {
        var outcome = Classify(301, "", ("Location", location));

        var reason = ((DeliveryOutcome.PermanentFailure)outcome!).Reason;
        Assert.That(reason, Does.Contain($"redirects to {named},"));
        Assert.That(reason, Does.Not.Contain("oauth_"));
    }

    private DeliveryOutcome? Classify(int status, string body = "", params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return classifier.Classify(response, Encoding.UTF8.GetBytes(body), "GET things");
    }
}
