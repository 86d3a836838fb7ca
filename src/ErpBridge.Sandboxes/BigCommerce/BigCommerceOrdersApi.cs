using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The v2 order calls under <c>/stores/{hash}/v2/orders/</c>: an order, its products, shipping addresses and
/// shipments, and creating a shipment. v2 answers bare JSON (no data envelope), 204 for an empty list, and errors as
/// an array <c>[{"status":400,"message":"..."}]</c>.
/// </summary>
internal sealed class BigCommerceOrdersApi(BigCommerceOrders orders)
{
    public const string Prefix = "v2/orders/";

    public Task HandleAsync(HttpContext context, string method, string path, byte[]? body)
    {
        var parts = path[Prefix.Length..].Split('/');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || orders.Order(orderId) is not { } order)
        {
            return Error(context, 404, "The requested resource was not found.");
        }

        return (method, parts.Length > 1 ? parts[1] : "", parts.Length) switch
        {
            ("GET", "", 1) => BigCommerceApi.Json(context, 200, json => WriteOrder(json, order)),
            ("GET", "products", 2) => List(context, order.Products, WriteOrderProduct),
            ("GET", "shipping_addresses", 2) => List(context, order.ShippingAddresses, WriteAddress),
            ("GET", "shipments", 2) => List(context, order.Shipments, WriteShipment),
            ("POST", "shipments", 2) => CreateShipment(context, orderId, body!),
            _ => Error(context, 404, "The requested resource was not found."),
        };
    }

    private async Task CreateShipment(HttpContext context, int orderId, byte[] body)
    {
        var (input, problem) = Read(body);
        if (input is null)
        {
            await Error(context, 400, problem!);
            return;
        }

        var (shipment, rejection) = orders.Ship(orderId, input);
        if (shipment is null)
        {
            await Error(context, 400, rejection!);
            return;
        }

        await BigCommerceApi.Json(context, 201, json => WriteShipment(json, shipment));
    }

    private static (ShipmentInput? Input, string? Problem) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.");
            }

            if (!root.TryGetProperty("order_address_id", out var address) || !address.TryGetInt32(out var addressId))
            {
                return (null, "The required field 'order_address_id' was not supplied.");
            }

            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            {
                return (null, "The required field 'items' was not supplied.");
            }

            var lines = new List<(int, int)>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("order_product_id", out var productId) || !productId.TryGetInt32(out var id)
                    || !item.TryGetProperty("quantity", out var quantity) || !quantity.TryGetInt32(out var count))
                {
                    return (null, "The field 'items' is invalid: every item needs an integer order_product_id and quantity.");
                }

                lines.Add((id, count));
            }

            var trackingNumber = Text(root, "tracking_number");
            if (trackingNumber.Length > 50)
            {
                return (null, "The field 'tracking_number' is invalid: at most 50 characters.");
            }

            return (new ShipmentInput(
                addressId, trackingNumber, Text(root, "shipping_provider"), Text(root, "tracking_carrier"),
                Text(root, "tracking_link"), Text(root, "comments"), lines), null);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static Task List<T>(HttpContext context, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }

        return BigCommerceApi.Json(context, 200, json =>
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                write(json, item);
            }

            json.WriteEndArray();
        });
    }

    internal static Task Error(HttpContext context, int status, string message) => BigCommerceApi.Json(context, status, json =>
    {
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteNumber("status", status);
        json.WriteString("message", message);
        json.WriteEndObject();
        json.WriteEndArray();
    });

    internal static void WriteOrder(Utf8JsonWriter json, SandboxOrder order)
    {
        json.WriteStartObject();
        json.WriteNumber("id", order.Id);
        json.WriteString("status", order.Status);
        json.WriteNumber("items_total", order.Products.Sum(p => p.Quantity));
        json.WriteNumber("items_shipped", order.Products.Sum(p => p.QuantityShipped));
        json.WriteString("date_created", Date(order.DateCreated));
        json.WriteEndObject();
    }

    internal static void WriteOrderProduct(Utf8JsonWriter json, SandboxOrderProduct product)
    {
        json.WriteStartObject();
        json.WriteNumber("id", product.Id);
        json.WriteNumber("order_id", product.OrderId);
        json.WriteNumber("product_id", product.ProductId);
        json.WriteString("name", product.Name);
        json.WriteString("sku", product.Sku);
        json.WriteNumber("quantity", product.Quantity);
        json.WriteNumber("quantity_shipped", product.QuantityShipped);
        json.WriteEndObject();
    }

    internal static void WriteAddress(Utf8JsonWriter json, SandboxShippingAddress address)
    {
        json.WriteStartObject();
        json.WriteNumber("id", address.Id);
        json.WriteNumber("order_id", address.OrderId);
        json.WriteString("first_name", address.FirstName);
        json.WriteString("last_name", address.LastName);
        json.WriteString("street_1", address.Street);
        json.WriteString("city", address.City);
        json.WriteString("zip", address.Zip);
        json.WriteString("country_iso2", address.CountryIso2);
        json.WriteEndObject();
    }

    internal static void WriteShipment(Utf8JsonWriter json, SandboxShipment shipment)
    {
        json.WriteStartObject();
        json.WriteNumber("id", shipment.Id);
        json.WriteNumber("order_id", shipment.OrderId);
        json.WriteNumber("order_address_id", shipment.OrderAddressId);
        json.WriteString("date_created", Date(shipment.DateCreated));
        json.WriteString("tracking_number", shipment.TrackingNumber);
        json.WriteString("shipping_provider", shipment.ShippingProvider);
        json.WriteString("tracking_carrier", shipment.TrackingCarrier);
        json.WriteString("tracking_link", shipment.TrackingLink);
        json.WriteString("comments", shipment.Comments);
        json.WriteStartArray("items");
        foreach (var item in shipment.Items)
        {
            json.WriteStartObject();
            json.WriteNumber("order_product_id", item.OrderProductId);
            json.WriteNumber("product_id", item.ProductId);
            json.WriteNumber("quantity", item.Quantity);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>v2 dates are RFC 2822, e.g. <c>Tue, 20 Nov 2012 00:00:00 +0000</c>.</summary>
    private static string Date(DateTimeOffset value) => value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
