using System.Text.Json;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>Orders (sales-data-order-interface) and shipments (sales-data-shipment-interface) as Magento writes them, trimmed to the fields the sandbox keeps.</summary>
internal static class MagentoSalesJson
{
    /// <summary>
    /// An order as <c>GET V1/orders</c> lists it: totals, customer, billing address, the item rows (a configurable's
    /// child row carries its parent under <c>parent_item</c>, as Magento writes it) and, under
    /// <c>extension_attributes.shipping_assignments</c>, the shipping address, method and shipping total. Discounts
    /// are negative at order level and positive on items, as in Magento.
    /// </summary>
    public static void WriteOrder(Utf8JsonWriter json, MagentoOrder order)
    {
        var guest = order.Customer.CustomerId is null;
        json.WriteStartObject();
        json.WriteNumber("entity_id", order.Id);
        json.WriteString("increment_id", order.IncrementId);
        json.WriteString("state", order.State);
        json.WriteString("status", order.Status);
        json.WriteString("created_at", MagentoJson.Timestamp(order.CreatedAt));
        json.WriteString("updated_at", MagentoJson.Timestamp(order.UpdatedAt));
        json.WriteNumber("store_id", 1);
        json.WriteString("store_name", "Main Website\nMain Website Store\nDefault Store View");
        json.WriteString("customer_email", order.Customer.Email);
        WriteOptional(json, "customer_firstname", order.Customer.FirstName);
        WriteOptional(json, "customer_lastname", order.Customer.LastName);
        if (order.Customer.CustomerId is { } customerId)
        {
            json.WriteNumber("customer_id", customerId);
        }

        json.WriteNumber("customer_is_guest", guest ? 1 : 0);
        json.WriteNumber("customer_group_id", guest ? 0 : 1);
        WriteOptional(json, "customer_note", order.CustomerNote);
        foreach (var name in new[] { "base_currency_code", "global_currency_code", "order_currency_code", "store_currency_code" })
        {
            json.WriteString(name, order.Currency);
        }

        WriteMoney(json, "subtotal", order.Subtotal);
        WriteMoney(json, "subtotal_incl_tax", order.Subtotal + order.TopLevelItems.Sum(i => i.TaxAmount));
        WriteMoney(json, "discount_amount", -order.DiscountAmount);
        WriteMoney(json, "shipping_amount", order.ShippingAmount);
        WriteMoney(json, "shipping_tax_amount", order.ShippingTaxAmount);
        WriteMoney(json, "shipping_incl_tax", order.ShippingAmount + order.ShippingTaxAmount);
        WriteOptional(json, "shipping_description", order.ShippingDescription);
        WriteMoney(json, "tax_amount", order.TaxAmount);
        WriteMoney(json, "grand_total", order.GrandTotal);
        WriteMoney(json, "base_grand_total", order.GrandTotal);
        WriteMoney(json, "base_subtotal", order.Subtotal);
        WriteMoney(json, "base_discount_amount", -order.DiscountAmount);
        WriteMoney(json, "base_shipping_amount", order.ShippingAmount);
        WriteMoney(json, "base_tax_amount", order.TaxAmount);
        WriteMoney(json, "total_paid", order.TotalPaid);
        WriteMoney(json, "total_invoiced", order.TotalPaid);
        WriteMoney(json, "total_refunded", order.TotalRefunded);
        WriteMoney(json, "total_due", order.State == "canceled" ? 0m : order.GrandTotal - order.TotalPaid);
        if (order.State == "canceled")
        {
            WriteMoney(json, "total_canceled", order.GrandTotal - order.TotalPaid);
        }

        json.WriteNumber("total_qty_ordered", order.TopLevelItems.Sum(i => i.QtyOrdered));
        json.WriteNumber("total_item_count", order.TopLevelItems.Count());
        json.WriteNumber("is_virtual", 0);
        WriteItems(json, "items", order);
        if (order.BillingAddress is { } billing)
        {
            json.WriteNumber("billing_address_id", (order.Id * 2) - 1);
            json.WritePropertyName("billing_address");
            WriteAddress(json, billing, "billing", (order.Id * 2) - 1, order);
        }

        json.WriteStartObject("extension_attributes");
        json.WriteStartArray("shipping_assignments");
        json.WriteStartObject();
        json.WriteStartObject("shipping");
        if (order.ShippingAddress is { } shipping)
        {
            json.WritePropertyName("address");
            WriteAddress(json, shipping, "shipping", order.Id * 2, order);
        }

        WriteOptional(json, "method", order.ShippingMethod);
        json.WriteStartObject("total");
        WriteMoney(json, "shipping_amount", order.ShippingAmount);
        WriteMoney(json, "shipping_tax_amount", order.ShippingTaxAmount);
        WriteMoney(json, "shipping_incl_tax", order.ShippingAmount + order.ShippingTaxAmount);
        json.WriteEndObject();
        json.WriteEndObject();
        WriteItems(json, "items", order);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter json, string name, MagentoOrder order)
    {
        json.WriteStartArray(name);
        foreach (var item in order.Items)
        {
            WriteItem(json, item, order, withParent: true);
        }

        json.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter json, MagentoOrderItem item, MagentoOrder order, bool withParent)
    {
        json.WriteStartObject();
        json.WriteNumber("item_id", item.ItemId);
        json.WriteNumber("order_id", order.Id);
        if (item.ParentItemId is { } parentId)
        {
            json.WriteNumber("parent_item_id", parentId);
        }

        json.WriteNumber("store_id", 1);
        json.WriteString("created_at", MagentoJson.Timestamp(order.CreatedAt));
        json.WriteString("updated_at", MagentoJson.Timestamp(order.UpdatedAt));
        json.WriteString("sku", item.Sku);
        json.WriteString("name", item.Name);
        json.WriteString("product_type", item.ProductType);
        json.WriteNumber("is_virtual", 0);
        json.WriteNumber("qty_ordered", item.QtyOrdered);
        json.WriteNumber("qty_shipped", item.QtyShipped);
        json.WriteNumber("qty_invoiced", order.TotalPaid > 0 ? item.QtyOrdered : 0);
        json.WriteNumber("qty_canceled", order.State == "canceled" ? item.QtyOrdered : 0);
        json.WriteNumber("qty_refunded", order.TotalRefunded > 0 ? item.QtyOrdered : 0);
        WriteMoney(json, "price", item.Price);
        WriteMoney(json, "base_price", item.Price);
        WriteMoney(json, "original_price", item.Price);
        WriteMoney(json, "price_incl_tax", Math.Round(item.Price * (1 + (item.TaxPercent / 100m)), 2, MidpointRounding.AwayFromZero));
        WriteMoney(json, "row_total", item.RowTotal);
        WriteMoney(json, "base_row_total", item.RowTotal);
        WriteMoney(json, "row_total_incl_tax", item.RowTotal + item.TaxAmount);
        WriteMoney(json, "discount_amount", item.DiscountAmount);
        WriteMoney(json, "base_discount_amount", item.DiscountAmount);
        json.WriteNumber("tax_percent", item.TaxPercent);
        WriteMoney(json, "tax_amount", item.TaxAmount);
        WriteMoney(json, "base_tax_amount", item.TaxAmount);
        if (withParent && item.ParentItemId is { } parent && order.Items.FirstOrDefault(i => i.ItemId == parent) is { } parentItem)
        {
            json.WritePropertyName("parent_item");
            WriteItem(json, parentItem, order, withParent: false);
        }

        json.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter json, MagentoAddress address, string type, int id, MagentoOrder order)
    {
        json.WriteStartObject();
        json.WriteString("address_type", type);
        json.WriteNumber("entity_id", id);
        json.WriteNumber("parent_id", order.Id);
        if (order.Customer.CustomerId is { } customerId)
        {
            json.WriteNumber("customer_id", customerId);
        }

        json.WriteString("firstname", address.FirstName);
        json.WriteString("lastname", address.LastName);
        WriteOptional(json, "company", address.Company);
        json.WriteStartArray("street");
        foreach (var line in address.Street)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteString("city", address.City);
        WriteOptional(json, "region", address.Region);
        WriteOptional(json, "region_code", address.RegionCode);
        json.WriteString("postcode", address.PostCode);
        json.WriteString("country_id", address.CountryId);
        json.WriteString("telephone", address.Telephone);
        json.WriteString("email", address.Email ?? order.Customer.Email);
        json.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter json, string name, decimal value) => json.WriteNumber(name, value);

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteShipment(Utf8JsonWriter json, MagentoShipment shipment)
    {
        json.WriteStartObject();
        json.WriteNumber("entity_id", shipment.Id);
        json.WriteString("increment_id", shipment.IncrementId);
        json.WriteNumber("order_id", shipment.OrderId);
        json.WriteString("created_at", MagentoJson.Timestamp(shipment.CreatedAt));
        json.WriteNumber("total_qty", shipment.Items.Sum(i => i.Qty));
        json.WriteStartArray("items");
        foreach (var item in shipment.Items)
        {
            json.WriteStartObject();
            json.WriteNumber("order_item_id", item.OrderItemId);
            json.WriteString("sku", item.Sku);
            json.WriteNumber("qty", item.Qty);
            json.WriteNumber("parent_id", shipment.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tracks");
        foreach (var track in shipment.Tracks)
        {
            json.WriteStartObject();
            json.WriteNumber("order_id", shipment.OrderId);
            json.WriteNumber("parent_id", shipment.Id);
            json.WriteNumber("weight", 0);
            json.WriteNumber("qty", 0);
            json.WriteString("description", "");
            json.WriteString("track_number", track.TrackNumber);
            json.WriteString("title", track.Title);
            json.WriteString("carrier_code", track.CarrierCode);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("comments");
        if (shipment.Comment is { } comment)
        {
            json.WriteStartObject();
            json.WriteNumber("is_customer_notified", 0);
            json.WriteNumber("parent_id", shipment.Id);
            json.WriteString("comment", comment);
            json.WriteNumber("is_visible_on_front", 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
