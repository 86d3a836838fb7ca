using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>Reads the bodies of product saves and source-item saves, answering Magento's 400s for what it would refuse.</summary>
internal static class MagentoRequestReader
{
    public static (ProductInput? Input, MagentoError? Error) Product(string body, string? pathSku)
    {
        if (Parse(body) is not { } root)
        {
            return (null, Decoding());
        }

        using (root)
        {
            if (root.RootElement.ValueKind != JsonValueKind.Object || !root.RootElement.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object)
            {
                return (null, MagentoError.Required("product"));
            }

            try
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                if (product.TryGetProperty("custom_attributes", out var custom) && custom.ValueKind == JsonValueKind.Array)
                {
                    foreach (var attribute in custom.EnumerateArray())
                    {
                        var code = attribute.GetProperty("attribute_code").GetString() ?? "";
                        var value = attribute.GetProperty("value");
                        attributes[code] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    }
                }

                var sku = pathSku ?? String(product, "sku");
                return (new ProductInput(
                    sku, String(product, "name"), Int(product, "attribute_set_id"), Decimal(product, "price"), Int(product, "status"),
                    Int(product, "visibility"), String(product, "type_id"), Decimal(product, "weight"), attributes), null);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                return (null, new MagentoError(400, "Invalid product data: %1", [exception.Message]));
            }
        }
    }

    /// <summary>The body of <c>POST V1/products/base-prices</c>: <c>{"prices": [{"sku", "price", "store_id"}, ...]}</c>; entries are checked one by one by the store.</summary>
    public static (IReadOnlyList<BasePriceInput>? Prices, MagentoError? Error) BasePrices(string body)
    {
        if (Parse(body) is not { } root)
        {
            return (null, Decoding());
        }

        using (root)
        {
            if (root.RootElement.ValueKind != JsonValueKind.Object || !root.RootElement.TryGetProperty("prices", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, MagentoError.Required("prices"));
            }

            var prices = new List<BasePriceInput>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return (null, Decoding());
                }

                prices.Add(new BasePriceInput(
                    String(item, "sku"),
                    item.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Number ? price.GetDecimal() : null,
                    item.TryGetProperty("store_id", out var store) && store.ValueKind == JsonValueKind.Number && store.TryGetInt32(out var id) ? id : null));
            }

            return (prices, null);
        }
    }

    public static (IReadOnlyList<MagentoSourceItem>? Items, MagentoError? Error) SourceItems(string body)
    {
        if (Parse(body) is not { } root)
        {
            return (null, Decoding());
        }

        using (root)
        {
            if (root.RootElement.ValueKind != JsonValueKind.Object || !root.RootElement.TryGetProperty("sourceItems", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, MagentoError.Required("sourceItems"));
            }

            var items = new List<MagentoSourceItem>();
            foreach (var item in array.EnumerateArray())
            {
                var sku = item.ValueKind == JsonValueKind.Object ? String(item, "sku") : null;
                var source = item.ValueKind == JsonValueKind.Object ? String(item, "source_code") : null;
                if (string.IsNullOrEmpty(sku))
                {
                    return (null, MagentoError.ValidationFailed("\"%field\" can not be empty.", "sku"));
                }

                if (string.IsNullOrEmpty(source))
                {
                    return (null, MagentoError.ValidationFailed("\"%field\" can not be empty.", "source_code"));
                }

                if (!item.TryGetProperty("quantity", out var quantity) || quantity.ValueKind != JsonValueKind.Number)
                {
                    return (null, MagentoError.ValidationFailed("\"%field\" should be numeric.", "quantity"));
                }

                if (!item.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var statusValue) || statusValue is not (0 or 1))
                {
                    return (null, MagentoError.ValidationFailed("\"%field\" should a known status.", "status"));
                }

                items.Add(new MagentoSourceItem(sku, source, quantity.GetDecimal(), statusValue));
            }

            return (items, null);
        }
    }

    public static (string? Username, string? Password) Credentials(string body)
    {
        using var root = Parse(body);
        if (root?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        return (String(root.RootElement, "username"), String(root.RootElement, "password"));
    }

    private static JsonDocument? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MagentoError Decoding() => new(400, "Decoding error: %1", ["Syntax error"]);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32())
            : null;

    private static decimal? Decimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal())
            : null;
}
