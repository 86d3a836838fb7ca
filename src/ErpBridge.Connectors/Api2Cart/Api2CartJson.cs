using System.Text.Json;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>Reading API2Cart's answers: lists under <c>result.{name}</c>, ids that may come as strings or numbers.</summary>
internal static class Api2CartJson
{
    /// <summary>The elements of the list <c>result.{name}</c> of an envelope (none when the result has no such list).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement envelope, string name) =>
        envelope.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
        && result.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    /// <summary>A property as text: a string as is, a number as written, otherwise null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A product's SKU as API2Cart unifies it: <c>u_sku</c>, or <c>u_model</c> on carts that keep the SKU as model.</summary>
    public static string? SkuOf(JsonElement product) =>
        Text(product, "u_sku") is { Length: > 0 } sku ? sku : Text(product, "u_model");

    /// <summary>The <c>pagination.next</c> of an envelope, when the platform says there is a next page.</summary>
    public static string? Next(JsonElement envelope) =>
        envelope.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object
            ? Text(pagination, "next") is { Length: > 0 } next ? next : null
            : null;
}
