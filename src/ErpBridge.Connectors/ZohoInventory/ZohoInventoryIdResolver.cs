using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.ZohoInventory;

/// <summary>
/// Looks a plan's references up on Zoho: inventory adjustments already made (first, by reference_number), items by
/// SKU (ids cached; their stock on hand read afresh whenever a stock delta wants it), locations by ERP code (the
/// channel's Locations, else by location name, cached).
/// </summary>
internal sealed class ZohoInventoryIdResolver(
    ConnectorTransport transport, ExpiringIdCache<ReferenceKey, string> cache, ChannelOptions channelOptions, ZohoInventoryConnectorOptions options)
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(IReadOnlyList<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<ReferenceKey, string?>();
        var references = wanted.Where(r => r.Kind == ZohoInventoryReferenceKinds.Adjustment).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (references.Count > 0)
        {
            var (made, failure) = await AdjustmentsAsync(cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }

            foreach (var reference in references)
            {
                ids[new ReferenceKey(ZohoInventoryReferenceKinds.Adjustment, reference)] = made!.GetValueOrDefault(reference);
            }
        }

        var deltas = wanted.Where(r => r.Kind == ZohoInventoryReferenceKinds.StockDelta).ToList();
        var fresh = new Dictionary<string, ZohoItem?>(StringComparer.Ordinal);
        foreach (var delta in deltas)
        {
            if (ZohoInventoryReferenceKinds.TryParseDelta(delta.Key, out _, out _, out var sku) && !fresh.ContainsKey(sku))
            {
                // Read immediately before the adjustment: the stock on hand is never taken from a cache.
                var (item, failure) = await ItemAsync(sku, cancellationToken);
                if (failure is not null)
                {
                    return (null, failure);
                }

                fresh[sku] = item;
            }
        }

        foreach (var reference in wanted.Where(r => r.Kind == ZohoInventoryReferenceKinds.Item))
        {
            if (fresh.TryGetValue(reference.Key, out var item))
            {
                ids[reference] = item?.Id;
            }
            else if (cache.TryGet(reference, out var cached))
            {
                ids[reference] = cached;
            }
            else
            {
                (item, var failure) = await ItemAsync(reference.Key, cancellationToken);
                if (failure is not null)
                {
                    return (null, failure);
                }

                ids[reference] = item?.Id;
            }
        }

        var codes = wanted.Where(r => r.Kind == ZohoInventoryReferenceKinds.Location).Select(r => r.Key)
            .Concat(deltas.Select(d => ZohoInventoryReferenceKinds.TryParseDelta(d.Key, out var location, out _, out _) ? location : null).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();
        var locations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var (id, failure) = await LocationAsync(code, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }

            locations[code] = id;
            ids[new ReferenceKey(ZohoInventoryReferenceKinds.Location, code)] = id;
        }

        foreach (var delta in deltas)
        {
            ids[delta] = Delta(delta.Key, fresh, locations);
        }

        return (ids, null);
    }

    /// <summary>The quantity to adjust by, as the plan's JSON number; null when nothing is to be adjusted (or cannot be).</summary>
    private static string? Delta(string key, Dictionary<string, ZohoItem?> items, Dictionary<string, string?> locations)
    {
        if (!ZohoInventoryReferenceKinds.TryParseDelta(key, out var code, out var level, out var sku)
            || items.GetValueOrDefault(sku) is not { } item || locations.GetValueOrDefault(code) is not { } location)
        {
            return null;
        }

        var delta = level - item.StockAt.GetValueOrDefault(location);
        return delta == 0 ? null : delta.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The item with the SKU and its stock on hand per location id (null when Zoho has none); its id cached.</summary>
    public async Task<(ZohoItem? Item, DeliveryOutcome? Failure)> ItemAsync(string sku, CancellationToken cancellationToken)
    {
        var key = new ReferenceKey(ZohoInventoryReferenceKinds.Item, sku);
        var (root, failure) = await GetAsync($"items?sku={Uri.EscapeDataString(sku)}", cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        using (root)
        {
            foreach (var element in root!.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default)
            {
                // Zoho's sku filter matches the whole SKU; the check keeps a looser server from picking a neighbour.
                if (element.TryGetProperty("sku", out var found) && found.GetString() == sku && element.TryGetProperty("item_id", out var id))
                {
                    var item = ZohoItem.Read(id, element);
                    cache.Found(key, item.Id);
                    return (item, null);
                }
            }
        }

        cache.Missing(key);
        return (null, null);
    }

    private async Task<(string? Id, DeliveryOutcome? Failure)> LocationAsync(string code, CancellationToken cancellationToken)
    {
        if (channelOptions.Locations.TryGetValue(code, out var mapped))
        {
            return (mapped, null);
        }

        var key = new ReferenceKey(ZohoInventoryReferenceKinds.Location, code);
        if (cache.TryGet(key, out var cached))
        {
            return (cached, null);
        }

        var (root, failure) = await GetAsync("locations", cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        string? match = null;
        using (root)
        {
            foreach (var location in root!.RootElement.TryGetProperty("locations", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default)
            {
                if (location.TryGetProperty("location_name", out var name) && location.TryGetProperty("location_id", out var id) && id.ToString() is { Length: > 0 } locationId)
                {
                    cache.Found(new ReferenceKey(ZohoInventoryReferenceKinds.Location, name.ToString()), locationId);
                    match = name.ToString() == code ? locationId : match;
                }
            }
        }

        if (match is null)
        {
            cache.Missing(key);
        }

        return (match, null);
    }

    /// <summary>reference_number → adjustment id of the newest adjustments (one page).</summary>
    private async Task<(Dictionary<string, string>? Made, DeliveryOutcome? Failure)> AdjustmentsAsync(CancellationToken cancellationToken)
    {
        var (root, failure) = await GetAsync($"inventoryadjustments?page=1&per_page={options.AdjustmentLookBack.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        using (root)
        {
            foreach (var adjustment in root!.RootElement.TryGetProperty("inventory_adjustments", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default)
            {
                if (adjustment.TryGetProperty("reference_number", out var reference) && reference.ValueKind == JsonValueKind.String
                    && adjustment.TryGetProperty("inventory_adjustment_id", out var id))
                {
                    made.TryAdd(reference.GetString()!, id.ToString());
                }
            }
        }

        return (made, null);
    }

    /// <summary>A GET's JSON, or the failure it came to (a code other than 0 included).</summary>
    public async Task<(JsonDocument? Root, DeliveryOutcome? Failure)> GetAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(HttpMethod.Get, relativeUrl, null, NoHeaders, cancellationToken);
        if ((response.Failure ?? ZohoInventoryOutcomes.CodeFailure(response.Body, "GET " + relativeUrl, transport.Channel)) is { } failure)
        {
            return (null, failure);
        }

        try
        {
            return (JsonDocument.Parse(response.Body), null);
        }
        catch (JsonException exception)
        {
            return (null, new DeliveryOutcome.TransientFailure($"Zoho Inventory answered GET {relativeUrl} on channel '{transport.Channel}' with what is not JSON ({exception.Message})"));
        }
    }
}
