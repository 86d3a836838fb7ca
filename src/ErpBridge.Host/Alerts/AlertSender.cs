using System.Net.Http.Headers;
using System.Text;
using ErpBridge.Core.Alerts;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// Sends due alerts from the outbox: claims a batch (on several nodes each row goes to one of them), POSTs each with
/// its signature, several at once, each bounded by the timeout, and records the outcome. A receiver that does not
/// answer 2xx gets the alert again with a doubling backoff until MaxAge; its rows wait their turn without holding up
/// the rows of other receivers, and nothing outside this job waits for any of them.
/// </summary>
public sealed class AlertSender(IAlertStore store, AlertOptions options, TimeProvider time, ILogger<AlertSender> logger) : IDisposable
{
    public const int BatchSize = 50;
    private const int Parallelism = 8;

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly BackoffPolicy backoff = new(options.BackoffBase, options.BackoffMax, 0);

    /// <summary>Sends what is due now, batch after batch; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            // The claim outlasts a whole batch of timeouts, so another node does not take a row still on its way.
            var lease = (options.Timeout * (BatchSize / Parallelism + 1)) + TimeSpan.FromSeconds(30);
            var claimed = await store.ClaimAsync(BatchSize, time.GetUtcNow(), lease, cancellationToken);
            if (claimed.Count == 0)
            {
                return sent;
            }

            var results = new int[claimed.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, claimed.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (index, ct) => results[index] = await SendAsync(claimed[index], ct) ? 1 : 0);
            sent += results.Sum();
            if (claimed.Count < BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<bool> SendAsync(ClaimedAlert alert, CancellationToken cancellationToken)
    {
        if (!options.Webhooks.TryGetValue(alert.Webhook, out var webhook) || webhook.Url is null)
        {
            await store.CompleteAsync(alert, AlertSendState.Failed, null, "the webhook is no longer configured", time.GetUtcNow(), CancellationToken.None);
            logger.LogError("Alert {AlertId} for webhook {Webhook} dropped: the webhook is no longer configured", alert.AlertId, alert.Webhook);
            return false;
        }

        string? failure;
        TimeSpan? retryAfter = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = new StringContent(alert.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(AlertSignature.Header, AlertSignature.Sign(webhook.Secret, time.GetUtcNow(), alert.Body));
            request.Headers.Add(AlertSignature.IdHeader, alert.AlertId);
            request.Headers.Add(AlertSignature.EventHeader, EventOf(alert.Body));
            request.Headers.Add(AlertSignature.AttemptHeader, (alert.Attempts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue(AlertPublisher.Source, "1"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                await store.CompleteAsync(alert, AlertSendState.Sent, null, null, time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            failure = $"HTTP {(int)response.StatusCode}";
            retryAfter = response.Headers.RetryAfter?.Delta;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"no answer within {options.Timeout}";
        }
        catch (HttpRequestException ex)
        {
            // The message names the host, never the path or query where a receiver's token may be.
            failure = ex.HttpRequestError.ToString();
        }

        await RetryAsync(alert, failure, retryAfter);
        return false;
    }

    private async Task RetryAsync(ClaimedAlert alert, string failure, TimeSpan? retryAfter)
    {
        var now = time.GetUtcNow();
        var attempt = alert.Attempts + 1;
        var next = now + backoff.Delay(attempt, retryAfter is { } wait && wait < options.BackoffMax ? wait : null);
        if (next - alert.CreatedAt > options.MaxAge)
        {
            await store.CompleteAsync(alert, AlertSendState.Failed, null, failure, now, CancellationToken.None);
            logger.LogError("Alert {AlertId} for webhook {Webhook} given up after {Attempts} attempts over {MaxAge}: {Failure}", alert.AlertId, alert.Webhook, attempt, options.MaxAge, failure);
            return;
        }

        await store.CompleteAsync(alert, AlertSendState.Pending, next, failure, now, CancellationToken.None);
        logger.LogWarning("Alert {AlertId} for webhook {Webhook} not taken ({Failure}, attempt {Attempt}); again at {RetryAt:O}", alert.AlertId, alert.Webhook, failure, attempt, next);
    }

    /// <summary>The event name of a body this bridge wrote.</summary>
    private static string EventOf(string body) =>
        System.Text.Json.Nodes.JsonNode.Parse(body)?["event"]?.GetValue<string>() ?? "";

    public void Dispose() => http.Dispose();
}
