namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>
/// What the published wc/v3 contract (a community OpenAPI file) does not cover or describes differently from
/// WooCommerce, stated once so that contract checks skip exactly these and nothing else.
/// </summary>
internal static class WooCommerceContractGaps
{
    /// <summary>
    /// Order notes (<c>orders/{id}/notes</c>) and the core fulfillments of WC 10.1+ (<c>orders/{id}/fulfillments</c>) are
    /// not in the contract; requests to them are checked by the sandbox tests instead.
    /// </summary>
    public static bool IsUncoveredShipmentRoute(string path)
    {
        var parts = path.Split('?')[0].Trim('/').Split('/');
        return parts.Length == 3 && parts[0] == "orders" && parts[2] is "notes" or "fulfillments";
    }

    /// <summary>
    /// An order (or an array of orders) as WooCommerce sends it, with the two places where the contract disagrees with
    /// WooCommerce made to read its way: date_paid(_gmt) and date_completed(_gmt) are null until the order is paid or
    /// completed (the contract types them string, not nullable), and tax_lines[].rate_id is an integer (the contract
    /// says string). Everything else is checked as sent.
    /// </summary>
    public static string AsContractReadsOrders(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var order in root is System.Text.Json.Nodes.JsonArray array ? array.OfType<System.Text.Json.Nodes.JsonObject>() : [root.AsObject()])
        {
            foreach (var name in new[] { "date_paid", "date_paid_gmt", "date_completed", "date_completed_gmt" })
            {
                if (order.ContainsKey(name) && order[name] is null)
                {
                    order.Remove(name);
                }
            }

            foreach (var taxLine in (order["tax_lines"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                if (taxLine["rate_id"] is System.Text.Json.Nodes.JsonValue rateId && rateId.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                {
                    taxLine["rate_id"] = rateId.ToJsonString();
                }
            }
        }

        return root.ToJsonString();
    }

    /// <summary>
    /// Products or variations (an object or an array) as WooCommerce sends them, with the one place where the contract
    /// disagrees made to read its way: stock_quantity is null while stock is not managed (the contract types it
    /// integer, not nullable). Everything else is checked as sent.
    /// </summary>
    public static string AsContractReadsProducts(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var item in root is System.Text.Json.Nodes.JsonArray array ? array.OfType<System.Text.Json.Nodes.JsonObject>() : [root.AsObject()])
        {
            if (item.ContainsKey("stock_quantity") && item["stock_quantity"] is null)
            {
                item.Remove("stock_quantity");
            }
        }

        return root.ToJsonString();
    }
}
