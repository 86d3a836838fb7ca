using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Reads the store's stock for reconciliation with <c>GET v3/inventory/items?page=n&amp;limit=…</c>: one element per
/// variant (identity.sku) with its levels per location. Each level becomes one <see cref="StockLevel"/> per ERP code
/// that delivery would send to that location (see <see cref="BigCommerceStockLocations"/>), with the level's
/// <c>total_inventory_onhand</c>: that is the figure an absolute adjustment sets, while <c>available_to_sell</c> also
/// subtracts the merchant's safety stock, which the ERP never sent and would show as drift.
/// </summary>
/// <remarks>
/// The page token is <c>page=n&amp;limit=m</c>: the page number to read next and the page size the read started
/// with, so that a resumed read (possibly asked for with another page size) continues on the same page boundaries.
/// BigCommerce lists items in variant order, and new variants come last, so a SKU created during a long read is read
/// on a later page; a variant deleted during the read shifts later items one place forward, so the read may miss as
/// many items as were deleted behind it (the next reconciliation sees them).
/// </remarks>
internal sealed class BigCommerceStockReader(ConnectorTransport transport, ChannelOptions channelOptions, string channel)
{
    /// <summary>BigCommerce's largest page for inventory items ("Limit of 1000 items for payload length").</summary>
    public const int MaxPageSize = 1000;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly BigCommerceStockLocations locations = new(channelOptions);

    public async Task<StockReadResult> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int page = 1, limit = Math.Clamp(query.PageSize, 1, MaxPageSize);
        if (query.PageToken is { } token && !TryParseToken(token, out page, out limit))
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure(
                $"page token '{token}' is not a BigCommerce inventory page (expected page=n&limit=m; channel '{channel}'); start the read again without one"));
        }

        var url = $"v3/inventory/items?page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return StockReadResult.Failed(result.Failure);
        }

        try
        {
            using var document = JsonDocument.Parse(result.Body);
            var root = document.RootElement;
            var data = root.GetProperty("data");
            var levels = new List<StockLevel>();
            var items = 0;
            foreach (var item in data.EnumerateArray())
            {
                items++;
                Read(item, levels);
            }

            var more = items > 0 && (TotalPages(root) is { } totalPages ? page < totalPages : items >= limit);
            return StockReadResult.Of(new StockPage(levels, more ? Token(page + 1, limit) : null));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A proxy's error page or a truncated answer: the next attempt may get the real one.
            return StockReadResult.Failed(new DeliveryOutcome.TransientFailure(
                $"unexpected response to GET {url} on channel '{channel}': {exception.Message}"));
        }
    }

    /// <summary>The token that asks for <paramref name="page"/> of <paramref name="limit"/> items.</summary>
    public static string Token(int page, int limit) =>
        $"page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParseToken(string token, out int page, out int limit)
    {
        page = 0;
        limit = 0;
        var parts = token.Split('&');
        return parts.Length == 2
            && parts[0].StartsWith("page=", StringComparison.Ordinal)
            && parts[1].StartsWith("limit=", StringComparison.Ordinal)
            && int.TryParse(parts[0].AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1
            && int.TryParse(parts[1].AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxPageSize;
    }

    /// <summary>Adds one item's levels; an item without a SKU cannot be matched to the ERP's and is passed over.</summary>
    private void Read(JsonElement item, List<StockLevel> levels)
    {
        if (!item.TryGetProperty("identity", out var identity)
            || !identity.TryGetProperty("sku", out var skuElement) || skuElement.GetString() is not { Length: > 0 } sku
            || !item.TryGetProperty("locations", out var itemLocations) || itemLocations.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var level in itemLocations.EnumerateArray())
        {
            var locationId = level.GetProperty("location_id").GetInt64();
            var code = level.TryGetProperty("location_code", out var codeElement) && codeElement.ValueKind == JsonValueKind.String
                ? codeElement.GetString()
                : null;
            var quantity = level.GetProperty("total_inventory_onhand").GetInt64();
            foreach (var erpCode in locations.ErpCodes(locationId, code))
            {
                levels.Add(new StockLevel(sku, erpCode, quantity));
            }
        }
    }

    private static int? TotalPages(JsonElement root) =>
        root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object
        && pagination.TryGetProperty("total_pages", out var total) && total.TryGetInt32(out var pages)
            ? pages
            : null;
}
