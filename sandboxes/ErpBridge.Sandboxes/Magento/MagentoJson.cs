using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>Magento's JSON shapes: products (catalog-data-product-interface), sources, source items and error bodies.</summary>
internal static class MagentoJson
{
    public static async Task Write(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        write(json);
        await json.FlushAsync(context.RequestAborted);
    }

    public static Task WriteError(HttpContext context, MagentoError error) => Write(context, error.Status, json => WriteErrorObject(json, error));

    private static void WriteErrorObject(Utf8JsonWriter json, MagentoError error)
    {
        json.WriteStartObject();
        json.WriteString("message", error.Message);
        if (error.Errors.Count > 0)
        {
            json.WriteStartArray("errors");
            foreach (var inner in error.Errors)
            {
                WriteErrorObject(json, inner);
            }

            json.WriteEndArray();
        }

        if (error.Named is { } named)
        {
            json.WriteStartObject("parameters");
            foreach (var (name, value) in named)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }
        else if (error.Positional is { } positional)
        {
            json.WriteStartArray("parameters");
            foreach (var value in positional)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void WriteProduct(Utf8JsonWriter json, MagentoProduct product)
    {
        json.WriteStartObject();
        json.WriteNumber("id", product.Id);
        json.WriteString("sku", product.Sku);
        json.WriteString("name", product.Name);
        json.WriteNumber("attribute_set_id", product.AttributeSetId);
        if (product.Price is { } price)
        {
            json.WriteNumber("price", price);
        }

        json.WriteNumber("status", product.Status);
        json.WriteNumber("visibility", product.Visibility);
        json.WriteString("type_id", product.TypeId);
        json.WriteString("created_at", Timestamp(product.CreatedAt));
        json.WriteString("updated_at", Timestamp(product.UpdatedAt));
        if (product.Weight is { } weight)
        {
            json.WriteNumber("weight", weight);
        }

        json.WriteStartObject("extension_attributes");
        json.WriteStartArray("website_ids");
        json.WriteNumberValue(1);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("custom_attributes");
        foreach (var (code, value) in product.CustomAttributes)
        {
            json.WriteStartObject();
            json.WriteString("attribute_code", code);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteSource(Utf8JsonWriter json, MagentoSource source)
    {
        json.WriteStartObject();
        json.WriteString("source_code", source.SourceCode);
        json.WriteString("name", source.Name);
        json.WriteBoolean("enabled", source.Enabled);
        json.WriteString("country_id", "DE");
        json.WriteString("postcode", "10115");
        json.WriteEndObject();
    }

    public static void WriteSourceItem(Utf8JsonWriter json, MagentoSourceItem item)
    {
        json.WriteStartObject();
        json.WriteString("sku", item.Sku);
        json.WriteString("source_code", item.SourceCode);
        json.WriteNumber("quantity", item.Quantity);
        json.WriteNumber("status", item.Status);
        json.WriteEndObject();
    }

    /// <summary>Magento's database timestamp format (UTC).</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
