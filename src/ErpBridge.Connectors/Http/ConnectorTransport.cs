using ErpBridge.Core.Delivery;
using ErpBridge.Core.Metrics;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// Sends one request of a channel: paced, with the channel's credentials, timed out after the request timeout, and
/// turns what happened into a <see cref="TransportResponse"/> whose failure the platform's classifier decided.
/// Connection errors and timeouts are transient failures. Never retries: retries are durable and scheduled by the
/// delivery job (or the poller, or the reconciliation run).
/// </summary>
internal sealed partial class ConnectorTransport(
    IHttpClientFactory clients,
    ChannelEndpoint endpoint,
    IChannelCredentials credentials,
    IRequestPacer pacer,
    StatusClassifier classifier,
    TimeSpan requestTimeout,
    TimeProvider time,
    ILogger logger,
    BridgeMetrics? metrics = null)
{
    /// <summary>The watch of <see cref="WatchReachability"/> (a dry run), which flows into every call awaited under it.</summary>
    private static readonly AsyncLocal<ReachabilityWatch?> Watch = new();

    private readonly string clientName = ConnectorHttpClients.NameOf(endpoint.Platform, endpoint.Channel);

    // The platform as configured (shopify, bigcommerce, ...), the label the delivery metrics carry too.
    private readonly string platformLabel = endpoint.Platform.ToLowerInvariant();

    // One client for the transport's life: the factory never rotates the channel's handler (its lifetime is
    // infinite, see ConnectorHttpClients), so a client per request would only allocate.
    private readonly HttpClient http = clients.CreateClient(ConnectorHttpClients.NameOf(endpoint.Platform, endpoint.Channel));

    public ChannelEndpoint Endpoint => endpoint;

    public string Channel => endpoint.Channel;

    public IChannelCredentials Credentials => credentials;

    /// <summary>Counts a rate-limit refusal the platform answered without a 429 (the 429s are counted as they come).</summary>
    public void CountRateLimited() => metrics?.RateLimited(Channel, platformLabel);

    /// <summary>
    /// Until disposed, notes whether a request made under it reached no store (connection error, timeout), so that a
    /// dry run can tell "unreachable" from other failed look-ups without the platform's code having to pass it on.
    /// </summary>
    public static ReachabilityWatch WatchReachability() => Watch.Value = new ReachabilityWatch(() => Watch.Value = null);

    /// <summary>The absolute URL of <paramref name="relativeUrl"/> (path and, already encoded, query) under the channel's API root.</summary>
    public Uri Url(string relativeUrl) => new(endpoint.ApiRoot, relativeUrl);

    /// <summary>A client of the channel's own, for what is no API call (Shopify's bulk result download, which must not carry the token).</summary>
    public HttpClient CreateClient() => clients.CreateClient(clientName);

    public async Task<TransportResponse> SendAsync(
        HttpMethod method, string relativeUrl, byte[]? jsonBody, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        if (pacer is IRequestBudget budget && budget.Exhausted() is { } exhausted)
        {
            return TransportResponse.Failed(exhausted);
        }

        if (credentials is not IRenewableCredentials renewable)
        {
            return await SendOnceAsync(method, relativeUrl, jsonBody, headers, cancellationToken);
        }

        if (await renewable.EnsureCurrentAsync(cancellationToken) is { } renewalFailed)
        {
            return TransportResponse.Failed(renewalFailed);
        }

        var response = await SendOnceAsync(method, relativeUrl, jsonBody, headers, cancellationToken);
        if (response.Status != 401)
        {
            return response;
        }

        // A refused token (revoked, or expired before its stated time) is renewed once and the request repeated;
        // a second 401 is the platform refusing the channel's grant itself.
        renewable.Refused();
        return await renewable.EnsureCurrentAsync(cancellationToken) is { } failed
            ? TransportResponse.Failed(failed)
            : await SendOnceAsync(method, relativeUrl, jsonBody, headers, cancellationToken);
    }

    private async Task<TransportResponse> SendOnceAsync(
        HttpMethod method, string relativeUrl, byte[]? jsonBody, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var reserved = await pacer.WaitAsync(jsonBody, cancellationToken);
        HttpResponseMessage? answer = null;
        byte[] body = [];
        var label = $"{method.Method} {relativeUrl}";
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            var signed = credentials.Sign(method, Url(relativeUrl));
            using var request = new HttpRequestMessage(method, signed.Url);
            request.Headers.Accept.ParseAdd("application/json");
            foreach (var (name, value) in signed.Headers.Concat(headers))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (jsonBody is not null)
            {
                request.Content = new ByteArrayContent(jsonBody);
                request.Content.Headers.ContentType = new("application/json");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            answer = response;
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var elapsed = time.GetElapsedTime(started);
            metrics?.StoreCall(Channel, platformLabel, elapsed, (int)response.StatusCode);
            LogCall(logger, endpoint.Platform, Channel, method.Method, relativeUrl, (int)response.StatusCode, elapsed.TotalMilliseconds);
            return new TransportResponse((int)response.StatusCode, body, response.Headers, classifier.Classify(response, body, label));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            metrics?.StoreCall(Channel, platformLabel, time.GetElapsedTime(started), null);
            LogFailure(logger, endpoint.Platform, Channel, method.Method, relativeUrl, "timeout");
            return Unreachable($"{endpoint.Platform} did not answer {label} on channel '{Channel}' within {requestTimeout.TotalSeconds:0.#} s (timed out)");
        }
        catch (HttpRequestException exception)
        {
            metrics?.StoreCall(Channel, platformLabel, time.GetElapsedTime(started), null);
            LogFailure(logger, endpoint.Platform, Channel, method.Method, relativeUrl, exception.HttpRequestError.ToString());
            return Unreachable($"connection error on {label} to channel '{Channel}': could not connect ({exception.Message})");
        }
        finally
        {
            pacer.Observe(reserved, jsonBody, answer, body);
        }
    }

    private static TransportResponse Unreachable(string reason)
    {
        Watch.Value?.Saw(reason);
        return TransportResponse.Failed(new DeliveryOutcome.TransientFailure(reason));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Platform} {Channel}: {Method} {Path} -> {Status} in {ElapsedMs:0} ms")]
    private static partial void LogCall(ILogger logger, string platform, string channel, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Channel}: {Method} {Path} failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string platform, string channel, string method, string path, string error);
}
