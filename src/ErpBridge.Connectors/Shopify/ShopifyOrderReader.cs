using System.Globalization;
using System.Text;
using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Reads a page of orders changed since a time through <c>orders(sortKey: UPDATED_AT, query: "updated_at:&gt;='…'")</c>,
/// oldest change first, the GraphQL end cursor as the page token. Each order comes with its first
/// <see cref="ShopifyDocuments.LinesPerOrder"/> line items; an order with more has the rest read from
/// <c>order(id).lineItems</c> and added, so that <see cref="PlatformOrder.Json"/> holds every line under
/// <c>lineItems.nodes</c> (without <c>pageInfo</c>). Everything else is the order node exactly as Shopify returned it.
/// </summary>
internal sealed class ShopifyOrderReader(string channel, Func<string, object, CancellationToken, Task<ShopifyCallResult>> query)
{
    /// <summary>
    /// Orders per page: Shopify refuses a query costing more than 1,000 points, and one order with its customer,
    /// addresses, totals and five line items costs about 55, so 15 orders (some 830 points) is the most that fits.
    /// </summary>
    public const int MaxPageSize = 15;

    public async Task<OrderReadResult> ReadAsync(OrderQuery orderQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderQuery);
        var first = Math.Clamp(orderQuery.PageSize, 1, MaxPageSize);
        var result = await query(ShopifyDocuments.OrdersChangedSince, new { first, after = orderQuery.PageToken, query = ShopifyDocuments.UpdatedSinceSearch(orderQuery.ChangedSince) }, cancellationToken);
        if (result.Failure is not null)
        {
            return OrderReadResult.Failed(result.Failure);
        }

        try
        {
            var connection = result.Data.GetProperty("orders");
            var orders = new List<PlatformOrder>();
            foreach (var node in connection.GetProperty("nodes").EnumerateArray())
            {
                var (lines, failure) = await LinesAsync(node, cancellationToken);
                if (failure is not null)
                {
                    return OrderReadResult.Failed(failure);
                }

                orders.Add(ToPlatformOrder(node, lines));
            }

            var pageInfo = connection.GetProperty("pageInfo");
            var next = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
            return OrderReadResult.Of(new OrderPage(orders, next));
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return OrderReadResult.Failed(new DeliveryOutcome.PermanentFailure($"Shopify channel '{channel}' answered the orders query in an unexpected shape: {exception.Message}"));
        }
    }

    /// <summary>All line items of an order: those that came with it, then the following pages of <c>order.lineItems</c>.</summary>
    private async Task<(List<JsonElement> Lines, DeliveryOutcome? Failure)> LinesAsync(JsonElement order, CancellationToken cancellationToken)
    {
        var connection = order.GetProperty("lineItems");
        var lines = connection.GetProperty("nodes").EnumerateArray().ToList();
        var pageInfo = connection.GetProperty("pageInfo");
        while (pageInfo.GetProperty("hasNextPage").GetBoolean())
        {
            var variables = new { id = order.GetProperty("id").GetString(), after = pageInfo.GetProperty("endCursor").GetString() };
            var result = await query(ShopifyDocuments.OrderLineItems, variables, cancellationToken);
            if (result.Failure is not null)
            {
                return (lines, result.Failure);
            }

            var more = result.Data.GetProperty("order");
            if (more.ValueKind != JsonValueKind.Object)
            {
                // Deleted between the two calls: the lines read so far are all there is.
                break;
            }

            connection = more.GetProperty("lineItems");
            lines.AddRange(connection.GetProperty("nodes").EnumerateArray());
            pageInfo = connection.GetProperty("pageInfo");
        }

        return (lines, null);
    }

    private static PlatformOrder ToPlatformOrder(JsonElement order, List<JsonElement> lines)
    {
        var id = order.GetProperty("id").GetString()!;
        var name = order.GetProperty("name").GetString()!;
        var updatedAt = DateTimeOffset.Parse(order.GetProperty("updatedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in order.EnumerateObject().Where(p => p.Name != "lineItems"))
            {
                property.WriteTo(writer);
            }

            writer.WriteStartObject("lineItems");
            writer.WriteStartArray("nodes");
            foreach (var line in lines)
            {
                line.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return new PlatformOrder(id[(id.LastIndexOf('/') + 1)..], name.TrimStart('#'), updatedAt, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
