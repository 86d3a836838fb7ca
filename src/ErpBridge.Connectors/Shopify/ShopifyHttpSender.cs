using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Sends one request of a channel, paced to its cost bucket, and turns the answer into data or a failure value:
/// 429/5xx/timeouts/connection errors and THROTTLED are transient, 401/403 are an authentication failure, other 4xx,
/// top-level GraphQL errors and userErrors are permanent with Shopify's own messages. Never retries.
/// </summary>
internal sealed partial class ShopifyHttpSender(
    string channel, HttpClient http, string accessToken, ShopifyCostPacer pacer, ShopifyConnectorSettings settings, ILogger logger)
{
    public const string TokenHeader = "X-Shopify-Access-Token";

    private const double UnknownQueryCost = 50;

    private readonly ConcurrentDictionary<string, double> costs = new(StringComparer.Ordinal);

    public async Task<ShopifyCallResult> SendAsync(string callId, HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[]? body, CancellationToken cancellationToken)
    {
        var estimate = EstimateCost(body);
        await pacer.ReserveAsync(estimate.Cost, cancellationToken).ConfigureAwait(false);
        ShopifyCallResult result;
        double? maximum = null, available = null, restore = null;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation(TokenHeader, accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            result = Classify(response, text, estimate.Query, out maximum, out available, out restore);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure($"Shopify call '{callId}' on channel '{channel}' timed out after {settings.RequestTimeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            result = ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure($"Shopify call '{callId}' on channel '{channel}' could not connect: {exception.Message}"));
        }
        finally
        {
            pacer.Complete(estimate.Cost, maximum, available, restore);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.Failure is null)
        {
            LogSent(logger, channel, callId, elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailed(logger, channel, callId, elapsed.TotalMilliseconds, result.Failure.ToString());
        }

        return result;
    }

    private (string? Query, double Cost) EstimateCost(byte[]? body)
    {
        if (body is null)
        {
            return (null, 0);
        }

        var text = QueryText(body);
        return text is null
            ? (null, UnknownQueryCost)
            : (text, costs.TryGetValue(text, out var known) ? known : text.TrimStart().StartsWith("mutation", StringComparison.Ordinal) ? 10 : UnknownQueryCost);
    }

    /// <summary>The top-level "query" string of a GraphQL request body, read without building a document (this runs for every call).</summary>
    private static string? QueryText(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isQuery = reader.ValueTextEquals("query"u8);
                reader.Read();
                if (isQuery)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private ShopifyCallResult Classify(HttpResponseMessage response, byte[] body, string? query, out double? maximum, out double? available, out double? restore)
    {
        maximum = available = restore = null;
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.PermanentFailure($"authentication failed (HTTP {status} from Shopify channel '{channel}': {Excerpt(body)})"));
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure($"HTTP {status} from Shopify channel '{channel}': {Excerpt(body)}", RetryAfter(response)));
        }

        if (status is < 200 or >= 300)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.PermanentFailure($"HTTP {status} from Shopify channel '{channel}': {Excerpt(body)}"));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure($"unreadable answer from Shopify channel '{channel}': {Excerpt(body)}"));
        }

        double? requested = null;
        if (root.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("cost", out var cost))
        {
            requested = Number(cost, "requestedQueryCost");
            if (cost.TryGetProperty("throttleStatus", out var throttle))
            {
                maximum = Number(throttle, "maximumAvailable");
                available = Number(throttle, "currentlyAvailable");
                restore = Number(throttle, "restoreRate");
            }

            if (query is not null && requested is { } charged)
            {
                costs[query] = charged;
            }
        }

        return ShopifyResponseReader.Read(root, channel, requested, available, restore);
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        // Shopify sends fractional seconds ("2.0"), which the typed header parser refuses.
        if (!response.Headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault()?.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? TimeSpan.FromTicks(Math.Max(0, (when - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500)).Trim();
        return text.Length == 0 ? "(empty body)" : text;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shopify channel {Channel} call {CallId} succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogSent(ILogger logger, string channel, string callId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify channel {Channel} call {CallId} failed after {ElapsedMs:0.0} ms: {Outcome}")]
    private static partial void LogFailed(ILogger logger, string channel, string callId, double elapsedMs, string outcome);
}
