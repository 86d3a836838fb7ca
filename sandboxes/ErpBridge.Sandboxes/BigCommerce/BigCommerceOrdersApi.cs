using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The v2 order calls under <c>/stores/{hash}/v2/orders</c>: the order list (changed-since filter, sort, paging), an
/// order, its products, shipping addresses and shipments, and creating a shipment. v2 answers bare JSON (no data
/// envelope), 204 for an empty list or a page past the end, and errors as an array <c>[{"status":400,"message":"..."}]</c>.
/// An order object links its products and shipping addresses as resources (<c>{"url", "resource"}</c>), as v2 does.
/// </summary>
internal sealed class BigCommerceOrdersApi(BigCommerceOrders orders)
{
    public const string ListPath = "v2/orders";
    public const string Prefix = "v2/orders/";

    public Task ListAsync(HttpContext context)
    {
        var (query, problem) = OrderListQuery.Read(context.Request.Query);
        if (query is null)
        {
            return Error(context, 400, problem!);
        }

        var page = orders.List(query.Include, query.Sort).Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToList();
        var root = ApiRoot(context);
        return List(context, page, (json, order) => WriteOrder(json, order, root));
    }

    public Task HandleAsync(HttpContext context, string method, string path, byte[]? body)
    {
        var parts = path[Prefix.Length..].Split('/');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || orders.Order(orderId) is not { } order)
        {
            return Error(context, 404, "The requested resource was not found.");
        }

        return (method, parts.Length > 1 ? parts[1] : "", parts.Length) switch
        {
            ("GET", "", 1) => BigCommerceApi.Json(context, 200, json => WriteOrder(json, order, ApiRoot(context))),
            ("GET", "products", 2) => Page(context, order.Products, WriteOrderProduct),
            ("GET", "shipping_addresses", 2) => Page(context, order.ShippingAddresses, (json, address) => WriteAddress(json, address, order, ApiRoot(context))),
            ("GET", "shipments", 2) => List(context, order.Shipments, WriteShipment),
            ("POST", "shipments", 2) => CreateShipment(context, orderId, body!),
            _ => Error(context, 404, "The requested resource was not found."),
        };
    }

    /// <summary>A sub-resource list with v2 paging (<c>page</c>, <c>limit</c> up to 250, default 50).</summary>
    private static Task Page<T>(HttpContext context, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var query = context.Request.Query;
        var page = 1;
        var limit = OrderListQuery.DefaultLimit;
        if ((query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            || (query.TryGetValue("limit", out var limitText)
                && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > OrderListQuery.MaxLimit)))
        {
            return Error(context, 400, $"The field 'page' or 'limit' is invalid: pages start at 1 and the limit is 1 to {OrderListQuery.MaxLimit}.");
        }

        return List(context, items.Skip((page - 1) * limit).Take(limit).ToList(), write);
    }

    /// <summary>The absolute API root of this store as the client called it (<c>http://host/stores/{hash}/</c>), for resource links.</summary>
    private static string ApiRoot(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var v2 = path.IndexOf("/v2/", StringComparison.Ordinal);
        return $"{context.Request.Scheme}://{context.Request.Host}{(v2 < 0 ? path : path[..(v2 + 1)])}";
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

    /// <summary>An order as <c>GET v2/orders</c> and <c>GET v2/orders/{id}</c> answer it (order_Resp).</summary>
    internal static void WriteOrder(Utf8JsonWriter json, SandboxOrder order, string apiRoot)
    {
        json.WriteStartObject();
        json.WriteNumber("id", order.Id);
        json.WriteNumber("customer_id", order.CustomerId);
        json.WriteString("date_created", BigCommerceDates.Format(order.DateCreated));
        json.WriteString("date_modified", BigCommerceDates.Format(order.DateModified));
        json.WriteString("date_shipped", order.StatusId == BigCommerceOrderStatuses.Shipped && order.Shipments.Count > 0
            ? BigCommerceDates.Format(order.Shipments[^1].DateCreated) : "");
        json.WriteNumber("status_id", order.StatusId);
        json.WriteString("status", order.Status);
        json.WriteString("custom_status", order.Status);
        Amount(json, "subtotal_ex_tax", order.SubtotalExTax);
        Amount(json, "subtotal_inc_tax", order.SubtotalIncTax);
        Amount(json, "subtotal_tax", order.SubtotalTax);
        Amount(json, "base_shipping_cost", order.ShippingCostExTax);
        Amount(json, "shipping_cost_ex_tax", order.ShippingCostExTax);
        Amount(json, "shipping_cost_inc_tax", order.ShippingCostExTax + order.ShippingCostTax);
        Amount(json, "shipping_cost_tax", order.ShippingCostTax);
        json.WriteNumber("shipping_cost_tax_class_id", 2);
        foreach (var cost in new[] { "base_handling_cost", "handling_cost_ex_tax", "handling_cost_inc_tax", "handling_cost_tax" })
        {
            Amount(json, cost, 0m);
        }

        json.WriteNumber("handling_cost_tax_class_id", 2);
        foreach (var cost in new[] { "base_wrapping_cost", "wrapping_cost_ex_tax", "wrapping_cost_inc_tax", "wrapping_cost_tax" })
        {
            Amount(json, cost, 0m);
        }

        json.WriteNumber("wrapping_cost_tax_class_id", 3);
        Amount(json, "total_ex_tax", order.TotalExTax);
        Amount(json, "total_inc_tax", order.TotalIncTax);
        Amount(json, "total_tax", order.TotalTax);
        json.WriteBoolean("is_tax_inclusive_pricing", false);
        json.WriteNumber("items_total", order.Products.Sum(p => p.Quantity));
        json.WriteNumber("items_shipped", order.Products.Sum(p => p.QuantityShipped));
        json.WriteString("payment_method", order.PaymentMethod);
        json.WriteString("payment_provider_id", "");
        json.WriteString("payment_status", order.PaymentStatus);
        Amount(json, "refunded_amount", order.RefundedAmount);
        json.WriteBoolean("order_is_digital", false);
        Amount(json, "store_credit_amount", 0m);
        Amount(json, "gift_certificate_amount", 0m);
        json.WriteString("ip_address", "127.0.0.1");
        json.WriteString("geoip_country", order.BillingAddress.Country);
        json.WriteString("geoip_country_iso2", order.BillingAddress.CountryIso2);
        json.WriteNumber("currency_id", 1);
        json.WriteString("currency_code", order.CurrencyCode);
        json.WriteString("currency_exchange_rate", "1.0000000000");
        json.WriteNumber("default_currency_id", 1);
        json.WriteString("default_currency_code", order.CurrencyCode);
        json.WriteString("store_default_currency_code", order.CurrencyCode);
        json.WriteString("store_default_to_transactional_exchange_rate", "1.0000000000");
        json.WriteString("staff_notes", "");
        json.WriteString("customer_message", order.CustomerMessage);
        Amount(json, "discount_amount", order.DiscountAmount);
        Amount(json, "coupon_discount", 0m);
        json.WriteNumber("shipping_address_count", order.ShippingAddresses.Count);
        json.WriteBoolean("is_deleted", false);
        json.WriteString("ebay_order_id", "0");
        json.WriteString("cart_id", "");
        json.WriteStartObject("billing_address");
        WriteAddressFields(json, order.BillingAddress);
        json.WriteStartArray("form_fields");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteBoolean("is_email_opt_in", false);
        json.WriteNull("credit_card_type");
        json.WriteString("order_source", "www");
        json.WriteNumber("channel_id", 1);
        json.WriteNull("external_source");
        Resource(json, "products", apiRoot, $"/orders/{order.Id}/products");
        Resource(json, "shipping_addresses", apiRoot, $"/orders/{order.Id}/shipping_addresses");
        Resource(json, "coupons", apiRoot, $"/orders/{order.Id}/coupons");
        json.WriteNull("external_id");
        json.WriteNull("external_merchant_id");
        json.WriteString("tax_provider_id", "BasicTaxProvider");
        json.WriteString("customer_locale", "en");
        json.WriteString("external_order_id", "");
        json.WriteEndObject();
    }

    /// <summary>An order line as <c>GET v2/orders/{id}/products</c> answers it (orderProducts).</summary>
    internal static void WriteOrderProduct(Utf8JsonWriter json, SandboxOrderProduct product)
    {
        json.WriteStartObject();
        json.WriteNumber("id", product.Id);
        json.WriteNumber("order_id", product.OrderId);
        json.WriteNumber("product_id", product.ProductId);
        json.WriteNumber("variant_id", 0);
        json.WriteNumber("order_pickup_method_id", 0);
        json.WriteNumber("order_address_id", 0);
        json.WriteString("name", product.Name);
        json.WriteString("name_customer", product.Name);
        json.WriteString("name_merchant", product.Name);
        json.WriteString("sku", product.Sku);
        json.WriteString("upc", "");
        json.WriteString("type", "physical");
        Amount(json, "base_price", product.PriceExTax);
        Amount(json, "price_ex_tax", product.PriceExTax);
        Amount(json, "price_inc_tax", product.PriceIncTax);
        Amount(json, "price_tax", product.PriceTax);
        Amount(json, "base_total", product.TotalExTax);
        Amount(json, "total_ex_tax", product.TotalExTax);
        Amount(json, "total_inc_tax", product.TotalIncTax);
        Amount(json, "total_tax", product.TotalTax);
        json.WriteNumber("quantity", product.Quantity);
        json.WriteNumber("quantity_shipped", product.QuantityShipped);
        json.WriteBoolean("is_refunded", false);
        json.WriteNumber("quantity_refunded", 0);
        Amount(json, "refund_amount", 0m);
        json.WriteBoolean("is_bundled_product", false);
        json.WriteStartArray("applied_discounts");
        if (product.Discount != 0m)
        {
            json.WriteStartObject();
            json.WriteString("id", "manual-discount");
            Amount(json, "amount", product.Discount);
            json.WriteString("name", "Manual Discount");
            json.WriteNull("code");
            json.WriteString("target", "product");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("product_options");
        json.WriteEndArray();
        Amount(json, "discounted_total_inc_tax", product.DiscountedTotalIncTax);
        json.WriteEndObject();
    }

    /// <summary>A shipping address as <c>GET v2/orders/{id}/shipping_addresses</c> answers it (orderShippingAddress).</summary>
    internal static void WriteAddress(Utf8JsonWriter json, SandboxShippingAddress address, SandboxOrder order, string apiRoot)
    {
        json.WriteStartObject();
        json.WriteNumber("id", address.Id);
        json.WriteNumber("order_id", address.OrderId);
        WriteAddressFields(json, address.Address);
        json.WriteNumber("items_total", order.Products.Sum(p => p.Quantity));
        json.WriteNumber("items_shipped", order.Products.Sum(p => p.QuantityShipped));
        json.WriteString("shipping_method", address.ShippingMethod);
        Amount(json, "base_cost", order.ShippingCostExTax);
        Amount(json, "cost_ex_tax", order.ShippingCostExTax);
        Amount(json, "cost_inc_tax", order.ShippingCostExTax + order.ShippingCostTax);
        Amount(json, "cost_tax", order.ShippingCostTax);
        json.WriteNumber("cost_tax_class_id", 2);
        json.WriteNumber("shipping_zone_id", 1);
        json.WriteString("shipping_zone_name", "United States");
        json.WriteStartArray("form_fields");
        json.WriteEndArray();
        Resource(json, "shipping_quotes", apiRoot, $"/orders/{address.OrderId}/shipping_addresses/{address.Id}/shipping_quotes");
        json.WriteEndObject();
    }

    private static void WriteAddressFields(Utf8JsonWriter json, SandboxAddress address)
    {
        json.WriteString("first_name", address.FirstName);
        json.WriteString("last_name", address.LastName);
        json.WriteString("company", address.Company);
        json.WriteString("street_1", address.Street1);
        json.WriteString("street_2", address.Street2);
        json.WriteString("city", address.City);
        json.WriteString("state", address.State);
        json.WriteString("zip", address.Zip);
        json.WriteString("country", address.Country);
        json.WriteString("country_iso2", address.CountryIso2);
        json.WriteString("phone", address.Phone);
        json.WriteString("email", address.Email);
    }

    private static void Resource(Utf8JsonWriter json, string name, string apiRoot, string resource)
    {
        json.WriteStartObject(name);
        json.WriteString("url", apiRoot + "v2" + resource);
        json.WriteString("resource", resource);
        json.WriteEndObject();
    }

    /// <summary>v2 money: a string with four decimals, e.g. <c>"54.0000"</c>.</summary>
    private static void Amount(Utf8JsonWriter json, string name, decimal value) =>
        json.WriteString(name, value.ToString("0.0000", CultureInfo.InvariantCulture));

    internal static void WriteShipment(Utf8JsonWriter json, SandboxShipment shipment)
    {
        json.WriteStartObject();
        json.WriteNumber("id", shipment.Id);
        json.WriteNumber("order_id", shipment.OrderId);
        json.WriteNumber("order_address_id", shipment.OrderAddressId);
        json.WriteString("date_created", BigCommerceDates.Format(shipment.DateCreated));
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
}
