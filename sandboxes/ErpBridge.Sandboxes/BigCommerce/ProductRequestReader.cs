using System.Text.Json;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// Reads a product create/update body the way BigCommerce validates it: wrong JSON types and missing required fields
/// are reported per field ("error.path.missing", "error.expected.jsnumber", ...), all at once.
/// </summary>
internal static class ProductRequestReader
{
    private static readonly string[] RequiredOnCreate = ["name", "type", "weight", "price"];
    private static readonly string[] ProductTypes = ["physical", "digital"];
    private static readonly string[] Availabilities = ["available", "disabled", "preorder"];

    public static (ProductFields? Fields, Dictionary<string, string> Errors) Read(JsonElement body, bool create)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["product"] = "error.expected.jsobject";
            return (null, errors);
        }

        if (create)
        {
            foreach (var name in RequiredOnCreate)
            {
                if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    errors[name] = "error.path.missing";
                }
            }
        }

        var fields = new ProductFields(
            String(body, "name", errors),
            String(body, "type", errors),
            String(body, "sku", errors),
            Number(body, "price", errors),
            Number(body, "weight", errors),
            String(body, "description", errors),
            Boolean(body, "is_visible", errors),
            String(body, "upc", errors),
            CustomFields(body, errors))
        {
            Availability = String(body, "availability", errors),
        };

        if (fields.Availability is not null && !Availabilities.Contains(fields.Availability, StringComparer.Ordinal))
        {
            errors["availability"] = "error.expected.validenumvalue";
        }

        if (fields.Name is { Length: 0 or > 250 })
        {
            errors["name"] = "error.minLength or maxLength: name must be 1 to 250 characters";
        }

        if (fields.Type is not null && !ProductTypes.Contains(fields.Type, StringComparer.Ordinal))
        {
            errors["type"] = "error.expected.validenumvalue";
        }

        if (fields.Price < 0)
        {
            errors["price"] = "error.min: price must be 0 or more";
        }

        if (fields.Weight < 0)
        {
            errors["weight"] = "error.min: weight must be 0 or more";
        }

        return errors.Count == 0 ? (fields, errors) : (null, errors);
    }

    private static string? String(JsonElement body, string name, Dictionary<string, string> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors[name] = "error.expected.jsstring";
        return null;
    }

    private static decimal? Number(JsonElement body, string name, Dictionary<string, string> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        errors[name] = "error.expected.jsnumber";
        return null;
    }

    private static bool? Boolean(JsonElement body, string name, Dictionary<string, string> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[name] = "error.expected.jsboolean";
        return null;
    }

    private static List<CustomFieldInput>? CustomFields(JsonElement body, Dictionary<string, string> errors)
    {
        if (!body.TryGetProperty("custom_fields", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors["custom_fields"] = "error.expected.jsarray";
            return null;
        }

        var fields = new List<CustomFieldInput>();
        var index = 0;
        foreach (var field in value.EnumerateArray())
        {
            var name = field.ValueKind == JsonValueKind.Object && field.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var text = field.ValueKind == JsonValueKind.Object && field.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(text) || name.Length > 250 || text.Length > 250)
            {
                errors[$"custom_fields.{index}"] = "name and value are required strings of 1 to 250 characters";
            }
            else
            {
                int? id = field.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt32(out var number) ? number : null;
                fields.Add(new CustomFieldInput(id, name, text));
            }

            index++;
        }

        return fields;
    }
}
