using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Reads changed orders with one search call per page: <c>GET V1/orders</c> filtered on <c>updated_at gteq</c>
/// (Magento's "Y-m-d H:i:s", UTC, so the instant is rounded down to the second and nothing at the boundary is
/// missed), sorted by <c>updated_at</c> ascending, page number as the page token. Magento answers a page past the
/// end with the last page again, so the next page is only asked for while <c>total_count</c> says there is one. The
/// order object already holds its items, billing address and (under extension_attributes.shipping_assignments) the
/// shipping address and method, so no sub-resource is fetched.
/// </summary>
internal sealed class MagentoOrderReader(ConnectorTransport transport)
{
    /// <summary>Magento's largest search page when input limiting is on (its default when it is off is 20).</summary>
    public const int MaxPageSize = 300;

    private const string Filter = "searchCriteria[filter_groups][0][filters][0]";

    public async Task<OrderReadResult> ReadAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (PageNumberToken.Read(query.PageToken, "Magento", transport.Channel, out var badToken) is not { } page)
        {
            return badToken!;
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var result = await transport.SendAsync(HttpMethod.Get, RelativeUrl(query.ChangedSince, size, page), null, [], cancellationToken);
        if (result.Failure is not null)
        {
            return OrderReadResult.Failed(result.Failure);
        }

        try
        {
            return OrderReadResult.Of(ReadPage(result.Body, size, page));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return OrderReadResult.Failed(new DeliveryOutcome.TransientFailure(
                $"Magento answered GET V1/orders on channel '{transport.Channel}' with a body that is not an order search result: {exception.Message}"));
        }
    }

    /// <summary>The search URL below the API root, parameters in the docs' snake_case spelling.</summary>
    internal static string RelativeUrl(DateTimeOffset changedSince, int pageSize, int page)
    {
        var parameters = new (string Name, string Value)[]
        {
            ($"{Filter}[field]", "updated_at"),
            ($"{Filter}[value]", MagentoTime(changedSince)),
            ($"{Filter}[condition_type]", "gteq"),
            ("searchCriteria[sortOrders][0][field]", "updated_at"),
            ("searchCriteria[sortOrders][0][direction]", "ASC"),
            ("searchCriteria[pageSize]", pageSize.ToString(CultureInfo.InvariantCulture)),
            ("searchCriteria[currentPage]", page.ToString(CultureInfo.InvariantCulture)),
        };
        return "V1/orders?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>UTC, rounded down to the second.</summary>
    internal static string MagentoTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static OrderPage ReadPage(byte[] body, int size, int page)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var total = root.GetProperty("total_count").GetInt32();
        var orders = new List<PlatformOrder>();
        foreach (var order in root.GetProperty("items").EnumerateArray())
        {
            var updated = order.GetProperty("updated_at").GetString() ?? throw new FormatException("an order without updated_at");
            orders.Add(new PlatformOrder(
                order.GetProperty("entity_id").GetRawText(),
                order.GetProperty("increment_id").GetString() ?? throw new FormatException("an order without increment_id"),
                new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(updated, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc)),
                order.GetRawText()));
        }

        var next = orders.Count > 0 && (long)page * size < total ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return new OrderPage(orders, next);
    }
}
