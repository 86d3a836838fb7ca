using System.Net;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Keeps a channel within BigCommerce's fixed-window quota. Every response reports the requests left and the time
/// until the window resets; the pacer counts requests it lets out against that and, when none are left (beyond the
/// reserve), holds the next request until the reset. A burst therefore uses the whole quota of each window and
/// meets no 429, instead of failing and waiting for a durable retry.
/// </summary>
internal sealed class BigCommerceRateLimitPacer(TimeProvider time, int reserve) : IRequestPacer
{
    /// <summary>Added to each wait, so that the server's window has surely turned when the held request arrives.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(5);

    private const long LongestWindowMs = 86_400_000;

    private readonly Lock gate = new();
    private int? left;
    private int quota;
    private TimeSpan window;
    private DateTimeOffset resetAt;

    /// <summary>Waits until a request may be sent in the current window, and counts it.</summary>
    public async ValueTask<double> WaitAsync(byte[]? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                if (left is null)
                {
                    return 1;
                }

                var now = time.GetUtcNow();
                if (now >= resetAt)
                {
                    // The window turned: assume a full quota until a response says otherwise.
                    left = quota;
                    resetAt = window > TimeSpan.Zero ? resetAt + window * Math.Ceiling((now - resetAt) / window + 1e-9) : now;
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

    /// <summary>Reads the X-Rate-Limit-* headers of a response (a 429 leaves nothing for this window).</summary>
    public void Observe(double reserved, byte[]? requestBody, HttpResponseMessage? response, byte[] body)
    {
        if (response is null)
        {
            return;
        }

        var headers = response.Headers;
        var serverLeft = RetryAfterReader.WholeNumber(headers, "X-Rate-Limit-Requests-Left");
        var resetMs = RetryAfterReader.WholeNumber(headers, "X-Rate-Limit-Time-Reset-Ms");
        if (resetMs is null || (serverLeft is null && response.StatusCode != HttpStatusCode.TooManyRequests))
        {
            return;
        }

        var reportedLeft = response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : serverLeft!.Value;
        var reportedQuota = RetryAfterReader.WholeNumber(headers, "X-Rate-Limit-Requests-Quota");
        var reportedWindow = RetryAfterReader.WholeNumber(headers, "X-Rate-Limit-Time-Window-Ms");
        lock (gate)
        {
            var now = time.GetUtcNow();
            // A reset or window beyond a day is no rate-limit window BigCommerce has; taken as given it would overflow.
            var reportedReset = now + TimeSpan.FromMilliseconds(Math.Min(resetMs.Value, LongestWindowMs));
            quota = (int)(reportedQuota ?? Math.Max(quota, reportedLeft));
            window = reportedWindow is { } ms ? TimeSpan.FromMilliseconds(Math.Min(ms, LongestWindowMs)) : window;
            var sameWindow = left is not null && Math.Abs((reportedReset - resetAt).TotalMilliseconds) < Math.Max(window.TotalMilliseconds / 2, 1);

            // Responses of concurrent requests arrive out of order: within one window, trust whichever count is lower.
            left = sameWindow ? Math.Min(left!.Value, (int)reportedLeft) : (int)reportedLeft;
            resetAt = reportedReset;
        }
    }
}
