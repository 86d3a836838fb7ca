using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>Writes the REST representation of products, variations and errors (the fields the connector and tests read).</summary>
internal static class WooJson
{
    public static void WriteItem(Utf8JsonWriter json, WooProduct item, IReadOnlyList<int> variationIds)
    {
        json.WriteStartObject();
        json.WriteNumber("id", item.Id);
        if (item.IsVariation)
        {
            json.WriteNumber("parent_id", item.ParentId);
        }

        json.WriteString("name", item.Name);
        json.WriteString("type", item.Type);
        json.WriteString("status", item.Status);
        json.WriteString("sku", item.Sku);
        json.WriteString("price", item.RegularPrice);
        json.WriteString("regular_price", item.RegularPrice);

        // As WooCommerce's is_purchasable() answers a shop manager: a product without a price cannot be bought.
        json.WriteBoolean("purchasable", item.RegularPrice.Length > 0);
        json.WriteString("description", item.Description);
        json.WriteString("weight", item.Weight);
        json.WriteBoolean("manage_stock", item.ManageStock);
        if (item.StockQuantity is { } quantity)
        {
            json.WriteNumber("stock_quantity", quantity);
        }
        else
        {
            json.WriteNull("stock_quantity");
        }

        json.WriteString("stock_status", item.StockStatus);
        if (!item.IsVariation)
        {
            json.WriteStartArray("attributes");
            foreach (var attribute in item.Attributes)
            {
                json.WriteStartObject();
                json.WriteNumber("id", 0);
                json.WriteString("name", attribute.Name);
                json.WriteStartArray("options");
                foreach (var option in attribute.Options)
                {
                    json.WriteStringValue(option);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("variations");
            foreach (var id in variationIds)
            {
                json.WriteNumberValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, WooError error)
    {
        json.WriteStartObject();
        json.WriteString("code", error.Code);
        json.WriteString("message", error.Message);
        json.WriteStartObject("data");
        json.WriteNumber("status", error.Status);
        if (error.Params is { } parameters)
        {
            json.WriteStartObject("params");
            foreach (var (name, problem) in parameters)
            {
                json.WriteString(name, problem);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
