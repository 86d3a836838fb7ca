using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Sends one authenticated request on a channel's HTTP client and turns what happened into either a response body
/// or a failure outcome, paced by the channel's <see cref="WooRequestPacer"/>. Never retries: retries are durable and
/// scheduled by the delivery job (or the reconciliation run).
/// </summary>
internal sealed partial class WooCommerceTransport(HttpClient http, WooCommerceAuthenticator authenticator, WooRequestPacer pacer, TimeProvider time, string channel, ILogger logger)
{
    public Uri ApiRoot => http.BaseAddress!;

    /// <summary>The URL a request goes to, authenticated (credentials masked when <paramref name="masked"/>), and its Authorization header.</summary>
    public (Uri Url, System.Net.Http.Headers.AuthenticationHeaderValue? Header) Address(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, bool masked = false)
    {
        var url = new Uri(ApiRoot, path);
        var (signed, header) = authenticator.Authenticate(method, url, query, masked);
        return (signed.Count == 0 ? url : new Uri($"{url.AbsoluteUri}?{WooCommerceAuthenticator.QueryString(signed)}"), header);
    }

    public async Task<WooTransportResult> SendAsync(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, byte[]? jsonBody,
        IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken);
        var (url, authorization) = Address(method.Method, path, query);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = authorization;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new("application/json");
        }

        var label = $"{method.Method} {path}";
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            LogCall(logger, channel, method.Method, path, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            var failure = WooCommerceOutcomes.Classify(response, body, label, channel, time.GetUtcNow());
            var totalPages = response.Headers.TryGetValues("X-WP-TotalPages", out var values)
                && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pages) ? pages : (int?)null;
            return new WooTransportResult((int)response.StatusCode, body, failure) { TotalPages = totalPages };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, channel, method.Method, path, "timeout");
            return WooTransportResult.Failed(new DeliveryOutcome.TransientFailure(
                $"WooCommerce did not answer {label} on channel '{channel}' within {http.Timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            LogFailure(logger, channel, method.Method, path, exception.HttpRequestError.ToString());
            return WooTransportResult.Failed(new DeliveryOutcome.TransientFailure(
                $"connection error on {label} to channel '{channel}': {exception.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WooCommerce {Channel}: {Method} {Path} -> {Status} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string channel, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WooCommerce {Channel}: {Method} {Path} failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string channel, string method, string path, string error);
}
