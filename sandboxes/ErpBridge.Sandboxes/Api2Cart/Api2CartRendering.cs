using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>The cart's objects as API2Cart's OpenAPI schemas describe them: ids as strings, dates as <c>A2CDateTime</c>.</summary>
internal static class Api2CartRendering
{
    public static JsonObject Product(Api2CartProduct product) => new()
    {
        ["id"] = product.Id,
        ["type"] = "simple",
        ["u_model"] = product.Model,
        ["u_sku"] = product.Sku,
        ["name"] = product.Name,
        ["description"] = product.Description,
        ["price"] = product.Price,
        ["quantity"] = product.Quantity,
        ["inventory"] = new JsonArray([.. product.Warehouses.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (JsonNode)new JsonObject
        {
            ["warehouse_id"] = w.Key,
            ["quantity"] = w.Value,
            ["in_stock"] = w.Value > 0,
        })]),
        ["avail_view"] = product.AvailableForView,
        ["avail_sale"] = product.Status == "enabled",
        ["weight"] = product.Weight ?? 0,
        ["weight_unit"] = product.WeightUnit,
        ["manage_stock"] = product.ManageStock ? "True" : "False",
        ["is_stock_managed"] = product.ManageStock,
        ["in_stock"] = product.Quantity > 0,
        ["create_at"] = Date(product.CreatedAt),
        ["modified_at"] = Date(product.ModifiedAt),
    };

    public static JsonObject Order(Api2CartOrder order)
    {
        var address = new Func<string, JsonObject>(type => new JsonObject
        {
            ["id"] = type == "billing" ? "1" : "2",
            ["type"] = type,
            ["first_name"] = order.FirstName,
            ["last_name"] = order.LastName,
            ["postcode"] = "78701",
            ["address1"] = "1 Market St",
            ["city"] = "Austin",
            ["country"] = new JsonObject { ["code2"] = "US", ["code3"] = "USA", ["name"] = "United States" },
            ["state"] = new JsonObject { ["code"] = "TX", ["name"] = "Texas" },
            ["default"] = true,
        });
        return new JsonObject
        {
            ["id"] = order.Id,
            ["order_id"] = order.OrderId,
            ["customer"] = new JsonObject { ["id"] = order.CustomerId, ["email"] = order.Email, ["first_name"] = order.FirstName, ["last_name"] = order.LastName },
            ["create_at"] = Date(order.CreatedAt),
            ["modified_at"] = Date(order.ModifiedAt),
            ["currency"] = new JsonObject { ["id"] = order.Currency, ["iso3"] = order.Currency, ["symbol_left"] = "$" },
            ["billing_address"] = address("billing"),
            ["shipping_address"] = address("shipping"),
            ["shipping_method"] = new JsonObject { ["name"] = "Flat Rate" },
            ["status"] = new JsonObject { ["id"] = order.Status, ["name"] = order.Status },
            ["totals"] = new JsonObject { ["total"] = order.Total, ["subtotal"] = order.Subtotal, ["shipping"] = order.Shipping, ["tax"] = order.Tax, ["discount"] = order.Discount },
            ["total"] = new JsonObject
            {
                ["subtotal_ex_tax"] = order.Subtotal,
                ["shipping_ex_tax"] = order.Shipping,
                ["total_discount"] = order.Discount,
                ["total_tax"] = order.Tax,
                ["total"] = order.Total,
                ["total_paid"] = order.TotalPaid,
            },
            ["order_products"] = new JsonArray([.. order.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["product_id"] = l.ProductId,
                ["order_product_id"] = l.OrderProductId,
                ["model"] = l.Model,
                ["name"] = l.Name,
                ["price"] = l.Price,
                ["quantity"] = l.Quantity,
                ["discount_amount"] = l.DiscountAmount,
                ["total_price"] = (l.Price * l.Quantity) - l.DiscountAmount,
                ["tax_value"] = l.TaxValue,
                ["tax_value_after_discount"] = l.TaxValue,
            })]),
            ["refunds"] = new JsonArray(),
            ["comment"] = null,
        };
    }

    public static JsonObject Shipment(Api2CartShipment shipment, Api2CartOrder order) => new()
    {
        ["id"] = shipment.Id,
        ["order_id"] = shipment.OrderId,
        ["shipment_provider"] = shipment.TrackingProvider,
        ["tracking_numbers"] = new JsonArray([.. shipment.TrackingNumbers.Select(t => (JsonNode)new JsonObject { ["carrier_id"] = t.CarrierId, ["tracking_number"] = t.TrackingNumber })]),
        ["created_at"] = Date(shipment.CreatedAt),
        ["items"] = new JsonArray([.. shipment.Items.Select(i => (JsonNode)new JsonObject
        {
            ["order_product_id"] = i.Key,
            ["model"] = order.Lines.FirstOrDefault(l => l.OrderProductId == i.Key)?.Model,
            ["quantity"] = i.Value,
        })]),
        ["is_shipped"] = shipment.IsShipped,
    };

    /// <summary>An A2CDateTime: ISO 8601 with its offset, and the PHP format that writes it.</summary>
    public static JsonObject Date(DateTimeOffset value) => new()
    {
        ["value"] = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["format"] = "Y-m-d\\TH:i:sP",
    };
}
