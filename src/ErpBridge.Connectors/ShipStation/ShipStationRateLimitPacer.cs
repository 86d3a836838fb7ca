using System.Net;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>
/// Keeps a channel within ShipStation's 40 requests a minute per API key. Every answer reports the requests left
/// (<c>X-Rate-Limit-Remaining</c>) and the seconds until the minute resets (<c>X-Rate-Limit-Reset</c>); the pacer counts
/// the requests it lets out against that and, when none are left beyond the reserve, holds the next one until the
/// reset, so that a burst of orders meets no 429. Before the first answer nothing is known and nothing is held.
/// </summary>
internal sealed class ShipStationRateLimitPacer(TimeProvider time, int reserve) : IRequestPacer
{
    public const string RemainingHeader = "X-Rate-Limit-Remaining";
    public const string ResetHeader = "X-Rate-Limit-Reset";
    public const string LimitHeader = "X-Rate-Limit-Limit";

    /// <summary>Added to each wait, so that the server's minute has surely turned when the held request arrives.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private int? left;
    private int limit = 40;
    private DateTimeOffset resetAt;

    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (left is null)
                {
                    return 1;
                }

                if (now >= resetAt)
                {
                    // The minute turned: a full quota until an answer says otherwise.
                    left = limit;
                    resetAt = now + TimeSpan.FromMinutes(1);
                }

                if (left > reserve)
                {
                    left--;
                    return 1;
                }

                wait = resetAt - now + Margin;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body)
    {
        if (response is null)
        {
            return;
        }

        var headers = response.Headers;
        var remaining = RetryAfterReader.WholeNumber(headers, RemainingHeader);
        var reset = RetryAfterReader.WholeNumber(headers, ResetHeader);
        if (reset is null || (remaining is null && response.StatusCode != HttpStatusCode.TooManyRequests))
        {
            return;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            var reported = response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : (int)Math.Min(remaining!.Value, int.MaxValue);
            limit = RetryAfterReader.WholeNumber(headers, LimitHeader) is { } l and > 0 and < int.MaxValue ? (int)l : limit;
            var reportedReset = now + TimeSpan.FromSeconds(Math.Min(reset.Value, LongestWindow.TotalSeconds));

            // Answers of concurrent requests arrive out of order: within one minute, trust whichever count is lower.
            var sameWindow = left is not null && Math.Abs((reportedReset - resetAt).TotalSeconds) < 30;
            left = sameWindow ? Math.Min(left!.Value, reported) : reported;
            resetAt = reportedReset;
        }
    }
}
