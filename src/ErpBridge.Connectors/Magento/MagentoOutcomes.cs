using System.Net;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// What a Magento status means for delivery. Magento core has no rate limit, but a proxy or CDN in front of it may
/// answer 429 or 503: those and other 5xx pass (retry later, after Retry-After when given). 401/403 are broken
/// credentials or a missing ACL resource. Other 4xx (Magento's validation errors are 400, not 422) are the request's
/// own fault and carry Magento's message with its parameters filled in.
/// </summary>
internal static class MagentoOutcomes
{
    /// <summary>Null for success.</summary>
    public static DeliveryOutcome? Classify(HttpResponseMessage response, byte[] body, string request, string channel, string authKind, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var message = MagentoMessage.From(body);
        var suffix = message.Length > 0 ? ": " + message : "";
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            return new DeliveryOutcome.TransientFailure($"Magento {status} on {request} (channel '{channel}'){suffix}", RetryAfter(response, now));
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var hint = authKind == "bearer"
                ? "check the channel's AccessToken (an admin token expires after 4 hours; an integration token is refused as a bearer unless the store allows it: set ConsumerKey, ConsumerSecret and AccessTokenSecret to sign requests instead)"
                : "check the channel's ConsumerKey, ConsumerSecret, AccessToken and AccessTokenSecret, the integration's API resources, and that this host's clock is right";
            return new DeliveryOutcome.PermanentFailure($"authentication failed ({status} on {request}, channel '{channel}'{suffix}); {hint}");
        }

        return new DeliveryOutcome.PermanentFailure($"Magento {status} on {request} (channel '{channel}'){suffix}");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter is { } retryAfter ? retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null) : null;
}
