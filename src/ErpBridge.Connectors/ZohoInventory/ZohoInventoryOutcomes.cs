using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Zoho's differences from <see cref="StatusClassifier"/>: every answer is <c>{code, message, ...}</c>, and a
/// <c>code</c> other than 0 is an error with its message, even under a 2xx status.
/// </summary>
internal sealed class ZohoInventoryOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("Zoho Inventory", channel, waits)
{
    protected override string AuthenticationHint => "check the channel's OAuth client, refresh token (its scopes) and OrganizationId";

    /// <summary>Zoho's own words: "code N: message".</summary>
    protected override string Message(byte[] body) => FromJson(body, root =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message)
            ? (root.TryGetProperty("code", out var code) ? $"code {code.GetRawText()}: " : "") + message
            : null);

    /// <summary>
    /// The failure a successful status still amounts to when its body's <c>code</c> is not 0 (null when it is 0, or the
    /// body is not Zoho's envelope).
    /// </summary>
    public static DeliveryOutcome? CodeFailure(byte[] body, string request, string channel)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number
                || code.GetInt64() == 0)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var text) ? text.ToString() : "";
            return new DeliveryOutcome.PermanentFailure($"Zoho Inventory refused {request} (channel '{channel}'): code {code.GetRawText()}: {message}");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
