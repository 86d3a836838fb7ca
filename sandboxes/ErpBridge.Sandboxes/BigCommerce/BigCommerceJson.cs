using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The store's resources in BigCommerce's field names (v3 catalog and inventory).</summary>
internal static class BigCommerceJson
{
    public const string ErrorTypeUrl = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    private static readonly string[] ProductFields =
    [
        "name", "type", "sku", "description", "weight", "price", "calculated_price", "is_visible", "availability", "upc", "inventory_level",
        "inventory_tracking", "categories", "custom_fields", "base_variant_id", "date_created", "date_modified",
    ];

    public static bool IsProductField(string name) => name == "id" || ProductFields.Contains(name, StringComparer.Ordinal);

    /// <summary>Writes a product; <paramref name="fields"/> limits it to those fields (id is always written, as BigCommerce does).</summary>
    public static void WriteProduct(Utf8JsonWriter json, SandboxProduct product, int inventoryLevel, IReadOnlySet<string>? fields)
    {
        bool Wants(string name) => fields is null || fields.Contains(name);
        json.WriteStartObject();
        json.WriteNumber("id", product.Id);
        if (Wants("name"))
        {
            json.WriteString("name", product.Name);
        }

        if (Wants("type"))
        {
            json.WriteString("type", product.Type);
        }

        if (Wants("sku"))
        {
            json.WriteString("sku", product.Sku);
        }

        if (Wants("description"))
        {
            json.WriteString("description", product.Description);
        }

        if (Wants("weight"))
        {
            json.WriteNumber("weight", product.Weight);
        }

        if (Wants("price"))
        {
            json.WriteNumber("price", product.Price);
        }

        if (Wants("availability"))
        {
            json.WriteString("availability", product.Availability);
        }

        if (Wants("calculated_price"))
        {
            json.WriteNumber("calculated_price", product.Price);
        }

        if (Wants("is_visible"))
        {
            json.WriteBoolean("is_visible", product.IsVisible);
        }

        if (Wants("upc"))
        {
            json.WriteString("upc", product.Upc);
        }

        if (Wants("inventory_level"))
        {
            json.WriteNumber("inventory_level", inventoryLevel);
        }

        if (Wants("inventory_tracking"))
        {
            json.WriteString("inventory_tracking", "product");
        }

        if (Wants("categories"))
        {
            json.WriteStartArray("categories");
            json.WriteEndArray();
        }

        if (Wants("custom_fields"))
        {
            json.WriteStartArray("custom_fields");
            foreach (var field in product.CustomFields)
            {
                json.WriteStartObject();
                json.WriteNumber("id", field.Id);
                json.WriteString("name", field.Name);
                json.WriteString("value", field.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (Wants("base_variant_id"))
        {
            json.WriteNumber("base_variant_id", product.BaseVariantId);
        }

        if (Wants("date_created"))
        {
            json.WriteString("date_created", Date(product.DateCreated));
        }

        if (Wants("date_modified"))
        {
            json.WriteString("date_modified", Date(product.DateModified));
        }

        json.WriteEndObject();
    }

    public static void WriteVariant(Utf8JsonWriter json, SandboxVariant variant, SandboxProduct? product, int inventoryLevel, IReadOnlySet<string>? fields)
    {
        bool Wants(string name) => fields is null || fields.Contains(name);
        json.WriteStartObject();
        json.WriteNumber("id", variant.Id);
        if (Wants("product_id"))
        {
            json.WriteNumber("product_id", variant.ProductId);
        }

        if (Wants("sku"))
        {
            json.WriteString("sku", variant.Sku);
        }

        if (Wants("sku_id"))
        {
            // Null for a base variant (a v2 SKU id exists only for option variants).
            json.WriteNull("sku_id");
        }

        if (Wants("price"))
        {
            json.WriteNumber("price", product?.Price ?? 0m);
        }

        if (Wants("calculated_price"))
        {
            json.WriteNumber("calculated_price", product?.Price ?? 0m);
        }

        if (Wants("weight"))
        {
            json.WriteNumber("weight", product?.Weight ?? 0m);
        }

        if (Wants("calculated_weight"))
        {
            json.WriteNumber("calculated_weight", product?.Weight ?? 0m);
        }

        if (Wants("upc"))
        {
            json.WriteString("upc", product?.Upc ?? "");
        }

        if (Wants("inventory_level"))
        {
            json.WriteNumber("inventory_level", inventoryLevel);
        }

        if (Wants("option_values"))
        {
            json.WriteStartArray("option_values");
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void WriteLocation(Utf8JsonWriter json, SandboxLocation location)
    {
        json.WriteStartObject();
        json.WriteNumber("id", location.Id);
        json.WriteString("code", location.Code);
        json.WriteString("label", location.Label);
        json.WriteString("description", "");
        json.WriteBoolean("managed_by_external_source", false);
        json.WriteString("type_id", "PHYSICAL");
        json.WriteBoolean("enabled", true);
        json.WriteBoolean("storefront_visibility", false);
        json.WriteEndObject();
    }

    /// <summary>The <c>meta</c> object of a list: BigCommerce's pagination block.</summary>
    /// <summary>
    /// One element of <c>GET v3/inventory/items</c>. sku_id (a v2 SKU id, null for a base variant) is left out: the
    /// sandbox has only base variants, and the published schema types it as a plain integer.
    /// </summary>
    public static void WriteInventoryItem(Utf8JsonWriter json, InventoryItem item)
    {
        json.WriteStartObject();
        json.WriteStartObject("identity");
        json.WriteString("sku", item.Variant.Sku);
        json.WriteNumber("variant_id", item.Variant.Id);
        json.WriteNumber("product_id", item.Variant.ProductId);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        foreach (var level in item.Levels)
        {
            json.WriteStartObject();
            json.WriteNumber("location_id", level.Location.Id);
            json.WriteString("location_code", level.Location.Code);
            json.WriteString("location_name", level.Location.Label);
            json.WriteNumber("available_to_sell", level.AvailableToSell);
            json.WriteNumber("total_inventory_onhand", level.OnHand);
            json.WriteBoolean("location_enabled", true);
            json.WriteStartObject("settings");
            json.WriteNumber("safety_stock", level.SafetyStock);
            json.WriteBoolean("is_in_stock", level.AvailableToSell > 0);
            json.WriteNumber("warning_level", 0);
            json.WriteString("bin_picking_number", "");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WritePaginationMeta(Utf8JsonWriter json, int total, int count, int perPage, int page)
    {
        var totalPages = perPage == 0 ? 0 : (total + perPage - 1) / perPage;
        json.WriteStartObject("meta");
        json.WriteStartObject("pagination");
        json.WriteNumber("total", total);
        json.WriteNumber("count", count);
        json.WriteNumber("per_page", perPage);
        json.WriteNumber("current_page", page);
        json.WriteNumber("total_pages", totalPages);
        json.WriteStartObject("links");
        if (page > 1)
        {
            json.WriteString("previous", $"?limit={perPage}&page={page - 1}");
        }

        json.WriteString("current", $"?limit={perPage}&page={page}");
        if (page < totalPages)
        {
            json.WriteString("next", $"?limit={perPage}&page={page + 1}");
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>BigCommerce's v3 error body (problem details): status, title, type and a map of field errors.</summary>
    public static void WriteProblem(Utf8JsonWriter json, int status, string title, IReadOnlyDictionary<string, string>? errors)
    {
        json.WriteStartObject();
        json.WriteNumber("status", status);
        json.WriteString("title", title);
        json.WriteString("type", ErrorTypeUrl);
        if (errors is not null)
        {
            json.WriteStartObject("errors");
            foreach (var (field, message) in errors)
            {
                json.WriteString(field, message);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
