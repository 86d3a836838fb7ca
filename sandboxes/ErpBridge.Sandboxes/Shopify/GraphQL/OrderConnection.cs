using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// <c>QueryRoot.orders</c>: the search, the sort key (with the order id breaking ties) and keyset pagination. A cursor
/// names the last order's sort value and id, as Shopify's do, so an order that changes while a client pages moves
/// behind the cursor instead of shifting the pages under it.
/// </summary>
internal static class OrderConnection
{
    public static ConnectionNode Resolve(ShopifyStore store, IReadOnlyDictionary<string, object?> arguments)
    {
        var (first, last) = ConnectionNode.Page.Sizes(arguments);
        var search = ShopifyOrderSearch.Parse(arguments.GetValueOrDefault("query") as string);
        var sortKey = arguments.GetValueOrDefault("sortKey") as string ?? "PROCESSED_AT";
        var reverse = arguments.GetValueOrDefault("reverse") is true;
        var sorted = store.Orders.Where(search.Matches).Select(o => (Order: o, Key: (SortValue(o, sortKey), o.Number))).ToList();
        sorted.Sort((a, b) => reverse ? b.Key.CompareTo(a.Key) : a.Key.CompareTo(b.Key));

        var after = Decode(arguments.GetValueOrDefault("after") as string);
        var before = Decode(arguments.GetValueOrDefault("before") as string);
        var start = after is { } a ? sorted.Count(o => Compare(o.Key, a, reverse) <= 0) : 0;
        var end = before is { } b ? sorted.Count(o => Compare(o.Key, b, reverse) < 0) : sorted.Count;
        end = Math.Max(end, start);
        var (from, count) = first is { } f ? (start, Math.Min(Math.Max(f, 0), end - start)) : (end - Math.Min(Math.Max(last!.Value, 0), end - start), Math.Min(Math.Max(last!.Value, 0), end - start));
        var page = sorted.Skip(from).Take(count).ToList();
        return new ConnectionNode(
            "OrderConnection",
            new ConnectionNode.Page(page.Select(o => (IGraphNode)new OrderNode(o.Order)).ToList(), from, from + count < sorted.Count, from > 0),
            page.Select(o => Encode(o.Key)).ToList());
    }

    private static long SortValue(OrderEntity order, string sortKey) => sortKey switch
    {
        "UPDATED_AT" => order.UpdatedAt.UtcTicks,
        "CREATED_AT" or "PROCESSED_AT" => order.CreatedAt.UtcTicks,
        "TOTAL_PRICE" or "CURRENT_TOTAL_PRICE" => (long)(order.TotalPrice * 100),
        _ => order.Number,
    };

    private static int Compare((long Value, long Id) key, (long Value, long Id) cursor, bool reverse) =>
        reverse ? cursor.CompareTo(key) : key.CompareTo(cursor);

    private static string Encode((long Value, long Id) key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"last_id\":{key.Id},\"last_value\":\"{key.Value}\"}}")));

    private static (long Value, long Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var value = long.Parse(json.RootElement.GetProperty("last_value").GetString()!, CultureInfo.InvariantCulture);
            return (value, json.RootElement.GetProperty("last_id").GetInt64());
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentNullException or OverflowException)
        {
            throw new GraphQLRequestException(new GraphQLError("Invalid cursor for current pagination sort.", "BAD_REQUEST"));
        }
    }
}
