using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// Reads orders changed since a time: <c>GET order.list.json?modified_from=…&amp;sort_by=modified_at&amp;sort_direction=asc&amp;start=…&amp;count=…&amp;params=force_all</c>,
/// whole orders (lines, addresses, totals, status) in one answer. Paging is by <c>start</c>/<c>count</c>: the
/// contract's <c>page_cursor</c> cannot be combined with the modified-from filter. The page token is the page number.
/// </summary>
/// <remarks>
/// The contract gives <c>modified_from</c> as "2010-07-29 13:45:52" and says nothing of its time zone; the bridge
/// sends UTC, cut to the second below (so an order changed within that second is included), and the poller's
/// overlap window covers a cart that reads it in its own zone less than that far off.
/// </remarks>
internal sealed class Api2CartOrderReader(ConnectorTransport transport, string channel)
{
    /// <summary>API2Cart's largest page ("Max allowed count=250").</summary>
    public const int MaxPageSize = 250;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<OrderReadResult> ReadAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (PageNumberToken.Read(query.PageToken, "API2Cart", channel, out var badToken) is not { } page)
        {
            return badToken!;
        }

        var count = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var since = query.ChangedSince.ToUniversalTime();
        since = since.AddTicks(-(since.Ticks % TimeSpan.TicksPerSecond));
        var url = "order.list.json?modified_from=" + Uri.EscapeDataString(since.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            + "&sort_by=modified_at&sort_direction=asc"
            + $"&start={((long)(page - 1) * count).ToString(CultureInfo.InvariantCulture)}&count={count.ToString(CultureInfo.InvariantCulture)}&params=force_all";
        var response = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        var (envelope, failure) = Api2CartOutcomes.Read(response, "GET order.list.json", channel);
        if (failure is not null)
        {
            return OrderReadResult.Failed(failure);
        }

        using (envelope)
        {
            var orders = new List<PlatformOrder>();
            foreach (var element in Api2CartJson.Items(envelope!.RootElement, "order"))
            {
                var id = Api2CartJson.Text(element, "id");
                var number = Api2CartJson.Text(element, "order_id");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(number))
                {
                    return OrderReadResult.Failed(Unexpected("an element of the order list is not an order with id and order_id"));
                }

                if ((Date(element, "modified_at") ?? Date(element, "create_at")) is not { } updatedAt)
                {
                    return OrderReadResult.Failed(Unexpected($"order {number} has no readable modified_at"));
                }

                orders.Add(new PlatformOrder(id, number, updatedAt, JsonNode.Parse(element.GetRawText())!.ToJsonString()));
            }

            var next = orders.Count >= count || Api2CartJson.Next(envelope.RootElement) is not null && orders.Count > 0
                ? (page + 1).ToString(CultureInfo.InvariantCulture)
                : null;
            return OrderReadResult.Of(new OrderPage(orders, next));
        }
    }

    /// <summary>An <c>A2CDateTime</c> (<c>{value, format}</c>) whose value is ISO 8601 with an offset, in UTC.</summary>
    public static DateTimeOffset? Date(JsonElement element, string name) =>
        element.TryGetProperty(name, out var date) && date.ValueKind == JsonValueKind.Object
        && Api2CartJson.Text(date, "value") is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    private DeliveryOutcome.TransientFailure Unexpected(string what) =>
        new($"unexpected response to GET order.list.json on channel '{channel}': {what}");
}
