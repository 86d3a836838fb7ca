using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The writable product and variation fields of a request body, checked as the REST schema types them (prices and
/// weight are strings, stock_quantity an integer). Unknown fields are ignored, as the WP REST API does.
/// </summary>
internal static class ProductInput
{
    private static readonly HashSet<string> Types = ["simple", "variable", "grouped", "external"];
    private static readonly HashSet<string> Statuses = ["draft", "pending", "private", "publish"];

    /// <summary>The change the body asks for, or the rest_invalid_param error for its first bad field.</summary>
    public static (Func<WooProduct, WooProduct>? Change, WooError? Error) Read(JsonObject body, bool variation)
    {
        string? name = null, type = null, status = null, sku = null, price = null, description = null, weight = null;
        bool? manageStock = null;
        int? quantity = null;
        var quantitySet = false;
        List<WooAttribute>? attributes = null;
        foreach (var (field, value) in body)
        {
            WooError? error = field switch
            {
                "name" when !variation => String(field, value, out name),
                "type" when !variation => String(field, value, out type) ?? (type is not null && !Types.Contains(type) ? WooError.InvalidParam(field, $"type is not one of {string.Join(", ", Types)}.") : null),
                "status" => String(field, value, out status) ?? (status is not null && !Statuses.Contains(status) ? WooError.InvalidParam(field, $"status is not one of {string.Join(", ", Statuses)}.") : null),
                "sku" => String(field, value, out sku),
                "regular_price" => String(field, value, out price),
                "description" => String(field, value, out description),
                "weight" => String(field, value, out weight),
                "manage_stock" => Boolean(field, value, out manageStock),
                "stock_quantity" => Integer(field, value, out quantity, out quantitySet),
                "attributes" when !variation => Attributes(value, out attributes),
                _ => null,
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (current => current with
        {
            Name = name ?? current.Name,
            Type = variation ? "variation" : type ?? current.Type,
            Status = status ?? current.Status,
            Sku = sku?.Trim() ?? current.Sku,
            RegularPrice = price ?? current.RegularPrice,
            Description = description ?? current.Description,
            Weight = weight ?? current.Weight,
            ManageStock = manageStock ?? current.ManageStock,
            StockQuantity = quantitySet ? quantity : current.StockQuantity,
            Attributes = attributes ?? current.Attributes,
        }, null);
    }

    private static WooError? String(string field, JsonNode? value, out string? text)
    {
        text = null;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return null;
        }

        return WooError.InvalidParam(field, $"{field} is not of type string.");
    }

    private static WooError? Boolean(string field, JsonNode? value, out bool? flag)
    {
        flag = null;
        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            flag = v.GetValue<bool>();
            return null;
        }

        return WooError.InvalidParam(field, $"{field} is not of type boolean.");
    }

    private static WooError? Integer(string field, JsonNode? value, out int? number, out bool set)
    {
        number = null;
        set = true;
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n))
        {
            number = n;
            return null;
        }

        set = false;
        return WooError.InvalidParam(field, $"{field} is not of type integer.");
    }

    private static WooError? Attributes(JsonNode? value, out List<WooAttribute>? attributes)
    {
        attributes = [];
        if (value is not JsonArray array)
        {
            return WooError.InvalidParam("attributes", "attributes is not of type array.");
        }

        foreach (var item in array)
        {
            if (item is not JsonObject attribute || attribute["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String
                || attribute["options"] is not JsonArray options || options.Any(o => o is not JsonValue ov || ov.GetValueKind() != JsonValueKind.String))
            {
                return WooError.InvalidParam("attributes", "attributes[] needs a string name and an array of string options.");
            }

            attributes.Add(new WooAttribute(name.GetValue<string>(), options.Select(o => o!.GetValue<string>()).ToList()));
        }

        return null;
    }
}
