using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Sends one request on a channel's HTTP client, authorised (bearer, or signed per request), and turns what happened
/// into either a response body or a failure outcome, each request paced as the channel's rate allows. Never retries: retries are durable and scheduled by the delivery job.
/// </summary>
internal sealed partial class MagentoTransport(HttpClient http, MagentoCredentials credentials, MagentoPacer pacer, TimeProvider time, string channel, ILogger logger)
{
    public string Channel => channel;

    public async Task<MagentoResult> SendAsync(HttpMethod method, string relativeUrl, byte[]? jsonBody, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken);
        var url = new Uri(http.BaseAddress!, relativeUrl);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Authorization", credentials.Authorize(method, url));
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
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            LogCall(logger, channel, method.Method, relativeUrl, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            var failure = MagentoOutcomes.Classify(response, body, $"{method.Method} {relativeUrl}", channel, credentials.Kind, time.GetUtcNow());
            return new MagentoResult((int)response.StatusCode, body, failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, channel, method.Method, relativeUrl, "timeout");
            return MagentoResult.Failed(new DeliveryOutcome.TransientFailure(
                $"Magento did not answer {method.Method} {relativeUrl} on channel '{channel}' within {http.Timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            LogFailure(logger, channel, method.Method, relativeUrl, exception.HttpRequestError.ToString());
            return MagentoResult.Failed(new DeliveryOutcome.TransientFailure(
                $"connection error on {method.Method} {relativeUrl} to channel '{channel}': {exception.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Magento {Channel}: {Method} {Path} -> {Status} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string channel, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Magento {Channel}: {Method} {Path} failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string channel, string method, string path, string error);
}

/// <summary>The status and body of a response, or the failure (<see cref="Failure"/> set) that a request came to.</summary>
internal sealed record MagentoResult(int? Status, byte[] Body, DeliveryOutcome? Failure)
{
    public static MagentoResult Failed(DeliveryOutcome failure) => new(null, [], failure);
}
