using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// WooCommerce's differences from <see cref="StatusClassifier"/>: its WP_Error bodies (code, message and parameter
/// errors) and what to check when it refuses the key. Also reads WP_Error codes for the connector.
/// </summary>
internal sealed class WooCommerceOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("WooCommerce", channel, waits)
{
    protected override string AuthenticationHint =>
        "check the channel's ConsumerKey and ConsumerSecret and that the key has read_write permission";

    protected override string Message(byte[] body) => PlatformMessage(body);

    /// <summary>The platform's own words: a WP_Error's message, code and parameter errors; or the text as is (a proxy's page).</summary>
    public static string PlatformMessage(byte[] body) =>
        FromJson(body, root => root.ValueKind == JsonValueKind.Object ? ErrorText(root) : null);

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

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
