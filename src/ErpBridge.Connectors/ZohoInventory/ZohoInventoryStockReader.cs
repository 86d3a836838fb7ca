using System.Globalization;
using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Reads the organisation's stock for reconciliation with <c>GET items?page=n&amp;per_page=200</c>: each item with a
/// SKU, at each of its locations, with <c>location_stock_on_hand</c> (the figure stock deliveries adjust to). A
/// location is named as the ERP names it: the channel's Locations read backwards, else its Zoho location name. The
/// page token is the next page number; <c>page_context.has_more_page</c> says whether there is one.
/// </summary>
internal sealed class ZohoInventoryStockReader(ZohoInventoryIdResolver resolver, ChannelOptions channelOptions, string channel)
{
    /// <summary>Zoho's largest page.</summary>
    public const int MaxPageSize = 200;

    private readonly Dictionary<string, string> codes = channelOptions.Locations
        .GroupBy(p => p.Value, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);

    public async Task<StockReadResult> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = 1;
        if (query.PageToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure(
                $"page token '{token}' is not a Zoho Inventory items page (a page number; channel '{channel}'); start the read again without one"));
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var (root, failure) = await resolver.GetAsync(
            $"items?page={page.ToString(CultureInfo.InvariantCulture)}&per_page={size.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (failure is not null)
        {
            return StockReadResult.Failed(failure);
        }

        using (root)
        {
            var levels = new List<StockLevel>();
            var rootElement = root!.RootElement;
            foreach (var item in rootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default)
            {
                if (!item.TryGetProperty("sku", out var sku) || sku.GetString() is not { Length: > 0 } itemSku
                    || !item.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var read = ZohoItem.Read(item.GetProperty("item_id"), item);
                foreach (var location in locations.EnumerateArray())
                {
                    var id = location.TryGetProperty("location_id", out var locationId) ? locationId.ToString() : "";
                    var name = location.TryGetProperty("location_name", out var locationName) ? locationName.ToString() : id;
                    levels.Add(new StockLevel(itemSku, codes.GetValueOrDefault(id) ?? name, (long)decimal.Truncate(read.StockAt.GetValueOrDefault(id))));
                }
            }

            var more = rootElement.TryGetProperty("page_context", out var context) && context.TryGetProperty("has_more_page", out var hasMore)
                && hasMore.ValueKind == JsonValueKind.True;
            return StockReadResult.Of(new StockPage(levels, more ? (page + 1).ToString(CultureInfo.InvariantCulture) : null));
        }
    }
}
