using System.Globalization;
using System.Net.Http.Headers;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// How long a platform asks to be left alone, read from its answer with the injected clock and cut to
/// <c>cap</c>: Retry-After in seconds (fractional too: Shopify sends "2.0", which the typed header parser refuses)
/// or as an HTTP date; BigCommerce's X-Retry-After (seconds) and X-Rate-Limit-Time-Reset-Ms (the window's reset);
/// Shopify's cost bucket (what a THROTTLED query still lacks, at the restore rate). A date in the past is no wait.
/// </summary>
internal sealed class RetryAfterReader(TimeProvider time, TimeSpan cap)
{
    public TimeSpan Cap => cap;

    /// <summary>The explicit wait of Retry-After (or X-Retry-After), if the answer gives one.</summary>
    public TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (First(headers, "Retry-After") is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return Seconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                return Capped(when - time.GetUtcNow());
            }
        }

        return First(headers, "X-Retry-After") is { } bigCommerce
            && double.TryParse(bigCommerce, NumberStyles.Float, CultureInfo.InvariantCulture, out var retrySeconds) && retrySeconds >= 0
            ? Seconds(retrySeconds)
            : null;
    }

    /// <summary>The rate-limit window's reset (BigCommerce's X-Rate-Limit-Time-Reset-Ms) if given, else <see cref="RetryAfter"/>.</summary>
    public TimeSpan? ResetOrRetryAfter(HttpResponseHeaders headers) =>
        WholeNumber(headers, "X-Rate-Limit-Time-Reset-Ms") is { } reset ? Seconds(reset / 1000.0) : RetryAfter(headers);

    /// <summary>
    /// The wait a cost-bucket throttle asks for: what the query costs beyond what is available, at the restore rate;
    /// a second when the bucket's state is not known.
    /// </summary>
    public TimeSpan Throttled(double? requested, double? available, double? restoreRate) =>
        requested is { } cost && available is { } have && restoreRate is > 0
            ? Seconds(Math.Max(cost - have, 1) / restoreRate.Value)
            : Capped(TimeSpan.FromSeconds(1));

    /// <summary>A whole, non-negative number in a header, if it holds one.</summary>
    public static long? WholeNumber(HttpResponseHeaders headers, string name) =>
        First(headers, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;

    /// <summary>
    /// A wait given in seconds, cut to the cap before it becomes a TimeSpan: a header such as "Infinity" or "1e12" (or a
    /// reset of a billion years) would overflow TimeSpan, and the cap exists for just such answers. NaN is no wait.
    /// </summary>
    private TimeSpan Seconds(double seconds) =>
        double.IsNaN(seconds) || seconds <= 0 ? TimeSpan.Zero : seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);

    private TimeSpan Capped(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
