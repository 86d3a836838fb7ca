using System.Text.Json;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>Reads an absolute adjustment body: <c>items</c> of location_id, quantity and exactly one of sku/variant_id/product_id.</summary>
internal static class AdjustmentRequestReader
{
    /// <summary>BigCommerce's payload limit for one adjustment request.</summary>
    public const int MaxItems = 2000;

    public static (List<AdjustmentItem>? Items, string? Title, Dictionary<string, string> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            errors["items"] = "items is required and must be an array";
            return (null, "Payload contains invalid fields", errors);
        }

        if (body.TryGetProperty("reason", out var reason) && reason.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            errors["reason"] = "reason must be a string";
        }

        var count = items.GetArrayLength();
        if (count > MaxItems)
        {
            return (null, $"[The request contains {count} items; the limit is {MaxItems}]", errors);
        }

        var result = new List<AdjustmentItem>(count);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var location = Integer(item, "location_id");
            var quantity = Integer(item, "quantity");
            var sku = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("sku", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var variantId = Integer(item, "variant_id");
            var productId = Integer(item, "product_id");
            var identities = (sku is null ? 0 : 1) + (variantId is null ? 0 : 1) + (productId is null ? 0 : 1);
            if (location is null)
            {
                errors[$"items.{index}.location_id"] = "location_id is required and must be an integer";
            }

            if (quantity is null)
            {
                errors[$"items.{index}.quantity"] = "quantity is required and must be an integer";
            }

            if (identities != 1)
            {
                errors[$"items.{index}"] = "exactly one of sku, variant_id or product_id is required";
            }

            if (location is not null && quantity is not null && identities == 1)
            {
                result.Add(new AdjustmentItem(location.Value, quantity.Value, sku, variantId, productId));
            }

            index++;
        }

        return errors.Count == 0 ? (result, null, errors) : (null, "Payload contains invalid fields", errors);
    }

    private static int? Integer(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
