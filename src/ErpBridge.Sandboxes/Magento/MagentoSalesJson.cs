using System.Text.Json;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>Orders (sales-data-order-interface) and shipments (sales-data-shipment-interface) as Magento writes them, trimmed to the fields the sandbox keeps.</summary>
internal static class MagentoSalesJson
{
    public static void WriteOrder(Utf8JsonWriter json, MagentoOrder order)
    {
        json.WriteStartObject();
        json.WriteNumber("entity_id", order.Id);
        json.WriteString("increment_id", order.IncrementId);
        json.WriteString("state", order.State);
        json.WriteString("status", order.State);
        json.WriteStartArray("items");
        foreach (var item in order.Items)
        {
            json.WriteStartObject();
            json.WriteNumber("item_id", item.ItemId);
            json.WriteNumber("order_id", order.Id);
            json.WriteString("sku", item.Sku);
            json.WriteString("product_type", "simple");
            json.WriteNumber("qty_ordered", item.QtyOrdered);
            json.WriteNumber("qty_shipped", item.QtyShipped);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
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
