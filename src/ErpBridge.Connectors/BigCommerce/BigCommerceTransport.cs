using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Sends one request on a channel's HTTP client, paced to the rate limit, and turns what happened into either a
/// response body or a failure outcome. Never retries: retries are durable and scheduled by the delivery job.
/// </summary>
internal sealed partial class BigCommerceTransport(HttpClient http, RateLimitPacer pacer, TimeProvider time, string channel, ILogger logger)
{
    public async Task<TransportResult> SendAsync(HttpMethod method, string relativeUrl, byte[]? jsonBody, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, relativeUrl);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new("application/json");
        }

        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            pacer.Observe(response);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            LogCall(logger, channel, method.Method, relativeUrl, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            var failure = BigCommerceOutcomes.Classify(response, body, $"{method.Method} {relativeUrl}", channel, time.GetUtcNow());
            return new TransportResult((int)response.StatusCode, body, failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, channel, method.Method, relativeUrl, "timeout");
            return TransportResult.Failed(new DeliveryOutcome.TransientFailure(
                $"BigCommerce did not answer {method.Method} {relativeUrl} on channel '{channel}' within {http.Timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            LogFailure(logger, channel, method.Method, relativeUrl, exception.HttpRequestError.ToString());
            return TransportResult.Failed(new DeliveryOutcome.TransientFailure(
                $"connection error on {method.Method} {relativeUrl} to channel '{channel}': {exception.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "BigCommerce {Channel}: {Method} {Path} -> {Status} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string channel, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BigCommerce {Channel}: {Method} {Path} failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string channel, string method, string path, string error);
}
