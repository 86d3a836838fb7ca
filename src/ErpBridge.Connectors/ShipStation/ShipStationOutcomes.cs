using System.Net;
using System.Text.Json;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.ShipStation;

/// <summary>ShipStation's differences from <see cref="StatusClassifier"/>: its error bodies and its rate-limit reset header.</summary>
internal sealed class ShipStationOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("ShipStation", channel, waits)
{
    protected override string AuthenticationHint => "check the channel's ConsumerKey (API key) and ConsumerSecret (API secret)";

    /// <summary>A 429 waits for the minute's reset (X-Rate-Limit-Reset, seconds); a 5xx only for an explicit Retry-After.</summary>
    protected override TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests && RetryAfterReader.WholeNumber(response.Headers, ShipStationRateLimitPacer.ResetHeader) is { } seconds
            ? TimeSpan.FromSeconds(Math.Min(seconds, Waits.Cap.TotalSeconds))
            : Waits.RetryAfter(response.Headers);

    /// <summary>
    /// The platform's own words: <c>{"message"}</c> (documented for the webhook calls), or an ASP.NET error body
    /// (<c>Message</c>, <c>ExceptionMessage</c>, unconfirmed), or the text as it is.
    /// </summary>
    protected override string Message(byte[] body) => FromJson(body, root =>
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new[] { "message", "Message", "ExceptionMessage" }
            .Select(name => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count > 0 ? string.Join(": ", parts) : null;
    });
}
