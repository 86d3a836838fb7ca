using System.Text.Json;
using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Magento's differences from <see cref="StatusClassifier"/>: what to check when it refuses the credentials (they
/// differ for a bearer token and for a signed integration), and its error bodies. Those carry a template and its
/// parameters (<c>{"message":"... %1 ...","parameters":["X"]}</c>, or named: <c>%fieldName</c> with
/// <c>{"fieldName":"sku"}</c>), and sometimes more such messages under <c>errors</c>; an operator needs the
/// filled-in text, as Magento's own admin shows it. (Magento's validation errors are 400, not 422.)
/// </summary>
internal sealed class MagentoOutcomes(string channel, string authKind, RetryAfterReader waits) : StatusClassifier("Magento", channel, waits)
{
    protected override string AuthenticationHint => authKind == "bearer"
        ? "check the channel's AccessToken (an admin token expires after 4 hours; an integration token is refused as a bearer unless the store allows it: set ConsumerKey, ConsumerSecret and AccessTokenSecret to sign requests instead)"
        : "check the channel's ConsumerKey, ConsumerSecret, AccessToken and AccessTokenSecret, the integration's API resources, and that this host's clock is right";

    /// <summary>The body's message(s) with their placeholders filled in, or the body's text when it is not Magento's shape.</summary>
    protected override string Message(byte[] body) => FromJson(body, root =>
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out _))
        {
            return null;
        }

        var messages = new List<string> { Fill(root) };
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            messages.AddRange(errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out _)).Select(Fill));
        }

        return string.Join("; ", messages.Where(m => m.Length > 0).Distinct(StringComparer.Ordinal));
    });

    /// <summary>The element's <c>message</c> with <c>%1</c>, <c>%2</c>, ... or <c>%name</c> replaced from its <c>parameters</c>.</summary>
    public static string Fill(JsonElement error)
    {
        var message = error.GetProperty("message").ValueKind == JsonValueKind.String ? error.GetProperty("message").GetString()! : error.GetProperty("message").GetRawText();
        if (!error.TryGetProperty("parameters", out var parameters))
        {
            return message;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parameters.ValueKind == JsonValueKind.Array)
        {
            var position = 1;
            foreach (var value in parameters.EnumerateArray())
            {
                values[(position++).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Text(value);
            }
        }
        else if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
            {
                values[property.Name] = Text(property.Value);
            }
        }

        // Longest names first, so that %10 is not read as %1 followed by 0.
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            message = message.Replace("%" + name, value, StringComparison.Ordinal);
        }

        return message;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
