using System.Globalization;
using System.Net;
using ErpBridge.Connectors.Http;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Connectors.Http;

public sealed class RetryAfterReaderTests
{
    /// <summary>Years away from the wall clock, so that a reader that asks the wall clock is caught.</summary>
    private static readonly DateTimeOffset Now = new(2031, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);

    [TestCase("120", 120)]
    [TestCase("2.0", 2)]
    [TestCase("0", 0)]
    public void RetryAfter_Seconds_TakenAsGiven(string header, double seconds)
    {
        Assert.That(Reader().RetryAfter(Headers(("Retry-After", header))), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void RetryAfter_HttpDate_IsMeasuredFromTheInjectedClock()
    {
        var date = (Now + TimeSpan.FromSeconds(90)).ToString("r", CultureInfo.InvariantCulture);

        Assert.That(Reader().RetryAfter(Headers(("Retry-After", date))), Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void RetryAfter_DateInThePast_IsNoWait()
    {
        var date = (Now - TimeSpan.FromMinutes(1)).ToString("r", CultureInfo.InvariantCulture);

        Assert.That(Reader().RetryAfter(Headers(("Retry-After", date))), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void RetryAfter_LongerThanTheCap_IsCut()
    {
        Assert.That(Reader().RetryAfter(Headers(("Retry-After", "86400"))), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(Reader(TimeSpan.FromSeconds(30)).RetryAfter(Headers(("Retry-After", "60"))), Is.EqualTo(TimeSpan.FromSeconds(30)));
        var farDate = (Now + TimeSpan.FromDays(2)).ToString("r", CultureInfo.InvariantCulture);
        Assert.That(Reader().RetryAfter(Headers(("Retry-After", farDate))), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [TestCase("Retry-After", "Infinity")]
    [TestCase("Retry-After", "1e12")]
    [TestCase("Retry-After", "1e308")]
    [TestCase("X-Retry-After", "1e15")]
    [TestCase("X-Rate-Limit-Time-Reset-Ms", "9223372036854775807")]
    public void Wait_BeyondWhatATimeSpanHolds_IsCutToTheCapNotAnOverflow(string header, string value)
    {
        Assert.That(Reader().ResetOrRetryAfter(Headers((header, value))), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Throttled_ATinyRestoreRate_IsCutToTheCap()
    {
        Assert.That(Reader().Throttled(1000, 0, 1e-300), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void RetryAfter_NaN_IsNoWait()
    {
        Assert.That(Reader().RetryAfter(Headers(("Retry-After", "NaN"))), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void RetryAfter_None_IsNull()
    {
        Assert.That(Reader().RetryAfter(Headers()), Is.Null);
        Assert.That(Reader().RetryAfter(Headers(("Retry-After", "soon"))), Is.Null);
    }

    [Test]
    public void RetryAfter_BigCommerceXRetryAfter_InSeconds()
    {
        Assert.That(Reader().RetryAfter(Headers(("X-Retry-After", "7"))), Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void ResetOrRetryAfter_BigCommerceWindowReset_WinsOverRetryAfter()
    {
        var headers = Headers(("X-Rate-Limit-Time-Reset-Ms", "1500"), ("Retry-After", "30"));

        Assert.That(Reader().ResetOrRetryAfter(headers), Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        Assert.That(Reader().ResetOrRetryAfter(Headers(("Retry-After", "30"))), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(Reader().ResetOrRetryAfter(Headers(("X-Rate-Limit-Time-Reset-Ms", "900000000"))), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Throttled_ShopifyCostBucket_WaitsForTheMissingPointsAtTheRestoreRate()
    {
        Assert.That(Reader().Throttled(requested: 100, available: 20, restoreRate: 50), Is.EqualTo(TimeSpan.FromSeconds(1.6)));
        Assert.That(Reader().Throttled(null, null, null), Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(Reader(TimeSpan.FromSeconds(1)).Throttled(requested: 1000, available: 0, restoreRate: 1), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    private RetryAfterReader Reader(TimeSpan? cap = null) => new(clock, cap ?? TimeSpan.FromMinutes(5));

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }
}
