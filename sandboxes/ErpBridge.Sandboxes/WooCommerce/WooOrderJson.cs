using System.Globalization;
using System.Text.Json;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The wc/v3 representation of orders, notes and fulfillments. Dates are written as WooCommerce does: local time
/// (the sandbox's store timezone is UTC) and GMT, both without offset; money as strings with 2 decimals.
/// </summary>
internal static class WooOrderJson
{
    public static void WriteOrder(Utf8JsonWriter json, WooOrder order)
    {
        json.WriteStartObject();
        json.WriteNumber("id", order.Id);
        json.WriteNumber("parent_id", 0);
        json.WriteString("status", order.Status);
        json.WriteString("currency", order.Currency);
        json.WriteString("version", "10.3.0");
        json.WriteBoolean("prices_include_tax", order.PricesIncludeTax);
        Date(json, "date_created", order.CreatedAt);
        Date(json, "date_modified", order.ModifiedAt);
        Money(json, "discount_total", order.DiscountTotal);
        Money(json, "discount_tax", order.DiscountTax);
        Money(json, "shipping_total", order.ShippingTotal);
        Money(json, "shipping_tax", order.ShippingTax);
        Money(json, "cart_tax", order.CartTax);
        Money(json, "total", order.Total);
        Money(json, "total_tax", order.TotalTax);
        json.WriteNumber("customer_id", order.CustomerId);
        json.WriteString("order_key", $"wc_order_{order.Id:x8}");
        Address(json, "billing", order.Billing, withEmail: true);
        Address(json, "shipping", order.Shipping, withEmail: false);
        json.WriteString("payment_method", order.PaymentMethod);
        json.WriteString("payment_method_title", order.PaymentMethodTitle);
        json.WriteString("transaction_id", order.TransactionId);
        json.WriteString("customer_ip_address", "203.0.113.7");
        json.WriteString("customer_user_agent", "Mozilla/5.0");
        json.WriteString("created_via", "checkout");
        json.WriteString("customer_note", order.CustomerNote);
        Date(json, "date_completed", order.CompletedAt);
        Date(json, "date_paid", order.PaidAt);
        json.WriteString("cart_hash", "");
        json.WriteString("number", order.Number);
        Meta(json, "meta_data", order.Meta);
        json.WriteStartArray("line_items");
        foreach (var line in order.Lines)
        {
            json.WriteStartObject();
            json.WriteNumber("id", line.Id);
            json.WriteString("name", line.Name);
            json.WriteNumber("product_id", line.ProductId);
            json.WriteNumber("variation_id", line.VariationId);
            json.WriteNumber("quantity", line.Quantity);
            json.WriteString("tax_class", "");
            Money(json, "subtotal", line.Subtotal);
            Money(json, "subtotal_tax", line.SubtotalTax);
            Money(json, "total", line.Total);
            Money(json, "total_tax", line.TotalTax);
            json.WriteStartArray("taxes");
            if (order.TaxRate > 0)
            {
                json.WriteStartObject();
                json.WriteNumber("id", 1);
                Money(json, "total", line.TotalTax);
                Money(json, "subtotal", line.SubtotalTax);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("meta_data");
            json.WriteEndArray();
            json.WriteString("sku", line.Sku);
            json.WriteNumber("price", line.Price);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tax_lines");
        if (order.TaxRate > 0)
        {
            json.WriteStartObject();
            json.WriteNumber("id", order.Lines.Count > 0 ? order.Lines[^1].Id + 100 : 1);
            json.WriteString("rate_code", $"{order.Billing.Country}-VAT-1");
            json.WriteNumber("rate_id", 1);
            json.WriteString("label", "VAT");
            json.WriteBoolean("compound", false);
            Money(json, "tax_total", order.CartTax);
            Money(json, "shipping_tax_total", order.ShippingTax);
            json.WriteNumber("rate_percent", order.TaxRate * 100);
            json.WriteStartArray("meta_data");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("shipping_lines");
        foreach (var shipping in order.ShippingLines)
        {
            json.WriteStartObject();
            json.WriteNumber("id", shipping.Id);
            json.WriteString("method_title", shipping.MethodTitle);
            json.WriteString("method_id", shipping.MethodId);
            json.WriteString("instance_id", "1");
            Money(json, "total", shipping.Total);
            Money(json, "total_tax", shipping.TotalTax);
            json.WriteStartArray("taxes");
            json.WriteEndArray();
            json.WriteStartArray("meta_data");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("fee_lines");
        json.WriteEndArray();
        json.WriteStartArray("coupon_lines");
        foreach (var coupon in order.CouponLines)
        {
            json.WriteStartObject();
            json.WriteNumber("id", coupon.Id);
            json.WriteString("code", coupon.Code);
            Money(json, "discount", coupon.Discount);
            Money(json, "discount_tax", coupon.DiscountTax);
            json.WriteStartArray("meta_data");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("refunds");
        foreach (var refund in order.Refunds)
        {
            json.WriteStartObject();
            json.WriteNumber("id", refund.Id);
            json.WriteString("reason", refund.Reason);
            Money(json, "total", refund.Total);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("currency_symbol", order.Currency == "EUR" ? "€" : order.Currency == "USD" ? "$" : order.Currency);
        Date(json, "date_created_gmt", order.CreatedAt);
        Date(json, "date_modified_gmt", order.ModifiedAt);
        Date(json, "date_completed_gmt", order.CompletedAt);
        Date(json, "date_paid_gmt", order.PaidAt);
        json.WriteEndObject();
    }

    public static void WriteNote(Utf8JsonWriter json, WooOrderNote note)
    {
        json.WriteStartObject();
        json.WriteNumber("id", note.Id);
        json.WriteString("author", note.Author);
        Date(json, "date_created", note.CreatedAt);
        Date(json, "date_created_gmt", note.CreatedAt);
        json.WriteString("note", note.Note);
        json.WriteBoolean("customer_note", note.CustomerNote);
        json.WriteEndObject();
    }

    public static void WriteFulfillment(Utf8JsonWriter json, WooFulfillment fulfillment)
    {
        json.WriteStartObject();
        json.WriteNumber("id", fulfillment.Id);
        json.WriteString("entity_type", "WC_Order");
        json.WriteString("entity_id", WooJson.Number(fulfillment.OrderId));
        json.WriteString("status", fulfillment.Status);
        json.WriteBoolean("is_fulfilled", fulfillment.IsFulfilled);
        Date(json, "date_updated", fulfillment.UpdatedAt);
        json.WriteNull("date_deleted");
        Meta(json, "meta_data", fulfillment.Meta);
        json.WriteEndObject();
    }

    public static string DateText(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Meta(Utf8JsonWriter json, string name, IReadOnlyList<WooMeta> meta)
    {
        json.WriteStartArray(name);
        foreach (var entry in meta)
        {
            json.WriteStartObject();
            json.WriteNumber("id", entry.Id);
            json.WriteString("key", entry.Key);
            json.WritePropertyName("value");
            if (entry.Value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                entry.Value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Address(Utf8JsonWriter json, string name, WooAddress address, bool withEmail)
    {
        json.WriteStartObject(name);
        json.WriteString("first_name", address.FirstName);
        json.WriteString("last_name", address.LastName);
        json.WriteString("company", address.Company);
        json.WriteString("address_1", address.Address1);
        json.WriteString("address_2", address.Address2);
        json.WriteString("city", address.City);
        json.WriteString("state", address.State);
        json.WriteString("postcode", address.Postcode);
        json.WriteString("country", address.Country);
        if (withEmail)
        {
            json.WriteString("email", address.Email);
        }

        json.WriteString("phone", address.Phone);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, DateText(date));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Money(Utf8JsonWriter json, string name, decimal value) =>
        json.WriteString(name, value.ToString("0.00", CultureInfo.InvariantCulture));
}
