using System.Net;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// What a BigCommerce status means for delivery: 429 and 5xx pass (retry later, after the platform's own wait),
/// 401/403 are broken credentials, other 4xx are the request's own fault and carry BigCommerce's title and field errors.
/// </summary>
internal static class BigCommerceOutcomes
{
    /// <summary>Null for success.</summary>
    public static DeliveryOutcome? Classify(HttpResponseMessage response, byte[] body, string request, string channel, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 && status != 207)
        {
            return null;
        }

        var message = PlatformMessage(body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryOutcome.TransientFailure(
                $"BigCommerce {status} on {request} (channel '{channel}'){Suffix(message)}", RateLimitPacer.RetryAfter(response, now));
        }

        if (status >= 500)
        {
            // The rate-limit reset says nothing about when the platform recovers; only an explicit Retry-After does.
            return new DeliveryOutcome.TransientFailure(
                $"BigCommerce {status} on {request} (channel '{channel}'){Suffix(message)}", RateLimitPacer.ExplicitRetryAfter(response, now));
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new DeliveryOutcome.PermanentFailure(
                $"authentication failed ({status} on {request}, channel '{channel}'{(message.Length > 0 ? ": " + message : "")}); check the channel's AccessToken and its OAuth scopes");
        }

        return new DeliveryOutcome.PermanentFailure($"BigCommerce {status} on {request} (channel '{channel}'){Suffix(message)}");
    }

    /// <summary>The platform's own words: v3 problem details (title and errors), a v2 array of messages, or the text as is.</summary>
    public static string PlatformMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var parts = new List<string>();
                if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                {
                    parts.Add(title.GetString()!);
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    var fields = errors.EnumerateObject().Select(e => $"{e.Name}: {(e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : e.Value.GetRawText())}").ToList();
                    if (fields.Count > 0)
                    {
                        parts.Add("errors: " + string.Join("; ", fields));
                    }
                }

                return string.Join(" ", parts);
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", root.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out _))
                    .Select(e => e.GetProperty("message").ToString()));
            }
        }
        catch (JsonException)
        {
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static string Suffix(string message) => message.Length > 0 ? ": " + message : "";
}
