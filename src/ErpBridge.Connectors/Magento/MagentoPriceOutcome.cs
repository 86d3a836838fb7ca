using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// What an answer of Magento's price API (<c>POST V1/products/base-prices</c>) means: HTTP 200 with an empty array
/// when every price was set, or with the entries it left out (each a message with %placeholders and their values).
/// Those entries were not applied, so the call is a permanent failure naming them.
/// </summary>
internal static class MagentoPriceOutcome
{
    public const string Path = "V1/products/base-prices";

    /// <summary>The failure the answer reports, or null when every price was set (or the answer is not a list).</summary>
    public static DeliveryOutcome? Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                return null;
            }

            var messages = document.RootElement.EnumerateArray().Take(5).Select(Message).ToList();
            return new DeliveryOutcome.PermanentFailure(
                $"Magento did not set {document.RootElement.GetArrayLength()} price(s): {string.Join("; ", messages)}");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The message with its placeholders filled in order (Magento names them, %sku, %storeId, ...).</summary>
    private static string Message(JsonElement entry)
    {
        var message = entry.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        if (!entry.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return message;
        }

        foreach (var value in parameters.EnumerateArray())
        {
            var at = message.IndexOf('%', StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + 1;
            while (end < message.Length && char.IsAsciiLetterOrDigit(message[end]))
            {
                end++;
            }

            message = string.Concat(message.AsSpan(0, at), value.ToString(), message.AsSpan(end));
        }

        return message;
    }
}
