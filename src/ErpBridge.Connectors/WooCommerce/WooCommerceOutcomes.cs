using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// What a WooCommerce answer means for delivery. 429, 408 and 5xx pass (a host or WAF in front of the shop, or
/// WordPress itself): retry later, after Retry-After when given. 401/403 are broken or read-only keys. Other 4xx are
/// the request's own fault and carry WooCommerce's code, message and parameter errors.
/// </summary>
internal static class WooCommerceOutcomes
{
    /// <summary>Null for success.</summary>
    public static DeliveryOutcome? Classify(HttpResponseMessage response, byte[] body, string request, string channel, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var message = PlatformMessage(body);
        if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            return new DeliveryOutcome.TransientFailure($"WooCommerce {status} on {request} (channel '{channel}'){Suffix(message)}", RetryAfter(response, now));
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new DeliveryOutcome.PermanentFailure(
                $"authentication failed ({status} on {request}, channel '{channel}'{Suffix(message)}); check the channel's ConsumerKey and ConsumerSecret and that the key has read_write permission");
        }

        return new DeliveryOutcome.PermanentFailure($"WooCommerce {status} on {request} (channel '{channel}'){Suffix(message)}");
    }

    /// <summary>The platform's own words: a WP_Error's message, code and parameter errors; or the text as is (a proxy's page).</summary>
    public static string PlatformMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && ErrorText(document.RootElement) is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        var raw = Encoding.UTF8.GetString(body).Trim();
        return raw.Length > 300 ? raw[..300] + "…" : raw;
    }

    /// <summary>"message (code) [param: problem]" of a WP_Error object, or null when it is not one.</summary>
    public static string? ErrorText(JsonElement error)
    {
        if (!error.TryGetProperty("code", out var code) || !error.TryGetProperty("message", out var message))
        {
            return null;
        }

        var text = $"{message} ({code})";
        if (error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            text += " [" + string.Join("; ", parameters.EnumerateObject().Select(p => $"{p.Name}: {p.Value}")) + "]";
        }

        return text;
    }

    /// <summary>The WP_Error code of a body, or null when it is not one.</summary>
    public static string? ErrorCode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Retry-After as seconds or an HTTP date, when the answer gives one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    private static string Suffix(string message) => message.Length > 0 ? ": " + message : "";

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
