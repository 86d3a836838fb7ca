using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// What an HTTP status means for delivery, the same on every platform: 2xx is success; 408, 425, 429 and 5xx are
/// transient (retry later, after the platform's own wait when it gives one); 401/403 are broken credentials; a 3xx
/// is permanent, because redirects are not followed with credentials attached; any other 4xx is the request's own
/// fault. Failures carry the platform's own message. A platform's <c>{Platform}Outcomes</c> derives from this and
/// overrides only where the platform really differs, saying why.
/// </summary>
internal class StatusClassifier(string platform, string channel, RetryAfterReader retryAfter)
{
    protected string Platform => platform;

    protected string Channel => channel;

    protected RetryAfterReader Waits => retryAfter;

    /// <summary>Null for success; otherwise the failure the answer amounts to. <paramref name="request"/> is e.g. "GET v3/catalog/products".</summary>
    public DeliveryOutcome? Classify(HttpResponseMessage response, byte[] body, string request)
    {
        var status = (int)response.StatusCode;
        if (IsSuccess(status))
        {
            return null;
        }

        if (IsTransient(status))
        {
            return new DeliveryOutcome.TransientFailure(Describe(status, request, Message(body)), RetryAfter(response));
        }

        if (status is >= 300 and < 400)
        {
            // Only where it points, not its query: a redirect often echoes the request URI, whose query carries
            // WooCommerce's OAuth parameters (consumer key, nonce, signature) into the stored, logged reason.
            var target = response.Headers.Location is { } location
                ? $" to {(location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString.Split('?', 2)[0])}"
                : "";
            return new DeliveryOutcome.PermanentFailure(
                $"{platform} {status} on {request} (channel '{channel}'): the store redirects{target}, and redirects are not followed with the channel's credentials attached; set the channel's BaseUrl to the address the store answers at");
        }

        var message = Message(body);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Marked as refused credentials: delivery pauses the channel instead of dead-lettering its backlog.
            return new DeliveryOutcome.PermanentFailure(
                $"authentication failed ({status} on {request}, channel '{channel}'{(message.Length > 0 ? ": " + message : "")}); {AuthenticationHint}",
                CredentialsRefused: true);
        }

        return new DeliveryOutcome.PermanentFailure(Describe(status, request, message));
    }

    /// <summary>408 Request Timeout, 425 Too Early, 429 Too Many Requests and every 5xx: the same request may succeed later.</summary>
    public static bool IsTransient(int status) => TransientStatus.Is(status);

    /// <summary>What the operator should check when the platform refuses the credentials.</summary>
    protected virtual string AuthenticationHint => "check the channel's credentials";

    protected virtual bool IsSuccess(int status) => status is >= 200 and < 300;

    /// <summary>The platform's own words from an error body; by default its text, shortened.</summary>
    protected virtual string Message(byte[] body) => Excerpt(body);

    /// <summary>The wait a transient answer asks for: by default its Retry-After.</summary>
    protected virtual TimeSpan? RetryAfter(HttpResponseMessage response) => retryAfter.RetryAfter(response.Headers);

    protected string Describe(int status, string request, string message) =>
        $"{platform} {status.ToString(CultureInfo.InvariantCulture)} on {request} (channel '{channel}'){(message.Length > 0 ? ": " + message : "")}";

    /// <summary>
    /// The platform's own words from a JSON error body, as <paramref name="read"/> finds them (null: not the platform's
    /// shape); otherwise the body's text, which may be a proxy's page.
    /// </summary>
    internal static string FromJson(byte[] body, Func<JsonElement, string?> read)
    {
        if (body.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (read(document.RootElement) is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return Excerpt(body);
    }

    /// <summary>A body as text, cut to 300 characters (a proxy's error page can be long).</summary>
    public static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
