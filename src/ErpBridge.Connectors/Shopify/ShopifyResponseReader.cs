using System.Globalization;
using System.Text;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Shopify;

/// <summary>Reads a GraphQL answer (HTTP 2xx): THROTTLED, other top-level errors, userErrors, or data.</summary>
internal static class ShopifyResponseReader
{
    /// <summary>The transport's failure, or what the answer's body says.</summary>
    public static ShopifyCallResult Read(TransportResponse response, string channel, RetryAfterReader waits)
    {
        if (response.Failure is not null)
        {
            return ShopifyCallResult.Failed(response.Failure);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var result = Read(document.RootElement, channel, waits);

            // The data outlives the document: clone only what a success hands on.
            return result.Failure is null ? new ShopifyCallResult(result.Data.Clone(), null) : result;
        }
        catch (JsonException)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure($"unreadable answer from Shopify channel '{channel}': {StatusClassifier.Excerpt(response.Body)}"));
        }
    }

    private static ShopifyCallResult Read(JsonElement root, string channel, RetryAfterReader waits)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors))
        {
            if (errors.ValueKind == JsonValueKind.Array && errors.EnumerateArray().Any(IsThrottled))
            {
                var (requested, _, available, restoreRate) = ShopifyCostPacer.ReadCost(root) ?? default;
                return ShopifyCallResult.Failed(new DeliveryOutcome.TransientFailure(
                    $"Shopify channel '{channel}' throttled the request (THROTTLED; cost {Show(requested)}, available {Show(available)}, restore {Show(restoreRate)}/s)",
                    waits.Throttled(requested, available, restoreRate))) with
                { Throttled = true };
            }

            if (errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() > 0)
            {
                return ShopifyCallResult.Failed(new DeliveryOutcome.PermanentFailure($"Shopify channel '{channel}' refused the request: {Messages(errors)}"));
            }
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return ShopifyCallResult.Failed(new DeliveryOutcome.PermanentFailure($"Shopify channel '{channel}' answered without data"));
        }

        var problems = new StringBuilder();
        foreach (var field in data.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty("userErrors", out var userErrors) && userErrors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in userErrors.EnumerateArray())
                {
                    problems.Append(problems.Length == 0 ? "" : "; ").Append(field.Name).Append(": ").Append(UserError(error));
                }
            }
        }

        return problems.Length > 0
            ? ShopifyCallResult.Failed(new DeliveryOutcome.PermanentFailure($"Shopify channel '{channel}' rejected the change: {problems}"))
            : new ShopifyCallResult(data, null);
    }

    private static bool IsThrottled(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object &&
        extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == "THROTTLED";

    private static string Messages(JsonElement errors)
    {
        if (errors.ValueKind != JsonValueKind.Array)
        {
            return errors.ToString();
        }

        return string.Join("; ", errors.EnumerateArray().Select(e =>
        {
            var message = e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString();
            return e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("code", out var code) ? $"{message} ({code.GetString()})" : message;
        }));
    }

    private static string UserError(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : error.ToString();
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.Array ? string.Join('.', f.EnumerateArray().Select(p => p.ToString())) : null;
        return message + (code is null ? "" : $" ({code})") + (field is null ? "" : $" [{field}]");
    }

    private static string Show(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
