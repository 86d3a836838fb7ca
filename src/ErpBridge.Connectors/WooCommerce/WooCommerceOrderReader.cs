using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Reads orders changed since an instant: <c>GET orders?modified_after=&amp;dates_are_gmt=true&amp;orderby=modified&amp;order=asc&amp;per_page=&amp;page=</c>.
/// WordPress compares modified_after strictly and stores whole seconds, so the filter asks from one second before
/// the wanted instant, cut to the second. The page token is the next page number, until X-WP-TotalPages. The order
/// object already holds line_items, billing, shipping, shipping_lines, tax_lines, fee_lines, coupon_lines and refunds,
/// so nothing is fetched separately and each order's JSON is the platform's own object, unchanged.
/// </summary>
internal sealed class WooCommerceOrderReader(ConnectorTransport transport, string channel)
{
    /// <summary>WordPress's REST collections take at most 100 per page.</summary>
    public const int MaxPageSize = 100;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<OrderReadResult> ReadAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (PageNumberToken.Read(query.PageToken, "WooCommerce", channel, out var badToken) is not { } page)
        {
            return badToken!;
        }

        var perPage = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var since = query.ChangedSince.UtcDateTime;
        var after = new DateTime(since.Ticks - (since.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(-1);
        KeyValuePair<string, string>[] parameters =
        [
            new("modified_after", after.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new("dates_are_gmt", "true"),
            new("orderby", "modified"),
            new("order", "asc"),
            new("per_page", perPage.ToString(CultureInfo.InvariantCulture)),
            new("page", page.ToString(CultureInfo.InvariantCulture)),
        ];
        var result = await transport.SendAsync(HttpMethod.Get, "orders", parameters, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return OrderReadResult.Failed(result.Failure);
        }

        try
        {
            using var document = JsonDocument.Parse(result.Body);
            var orders = document.RootElement.EnumerateArray().Select(Order).OrderBy(o => o.UpdatedAt).ToList();
            var morePages = result.TotalPages() is { } total ? page < total : orders.Count == perPage;
            return OrderReadResult.Of(new OrderPage(orders, morePages ? (page + 1).ToString(CultureInfo.InvariantCulture) : null));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A body of another shape (a caching plugin's page, a truncated answer): the next poll may get the real one.
            return OrderReadResult.Failed(new DeliveryOutcome.TransientFailure($"unexpected response to GET orders on channel '{channel}': {exception.Message}"));
        }
    }

    private static PlatformOrder Order(JsonElement order)
    {
        var id = order.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        var number = order.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } text ? text : id;
        var modified = DateTime.SpecifyKind(DateTime.Parse(order.GetProperty("date_modified_gmt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
        return new PlatformOrder(id, number, new DateTimeOffset(modified), order.GetRawText());
    }
}
