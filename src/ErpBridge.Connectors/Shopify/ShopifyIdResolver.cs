using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Resolves plan references to GIDs: <c>variant</c>, <c>inventory-item</c> and <c>product</c> by SKU (one batched
/// <c>productVariants</c> search for every SKU not cached), <c>location</c> by ERP code (the channel's Locations map
/// first, else a Shopify location of that name, read once). Answers are cached per channel.
/// </summary>
internal sealed class ShopifyIdResolver(string channel, ChannelOptions options, ShopifyIdCache cache, Func<string, object, CancellationToken, Task<ShopifyCallResult>> query)
{
    private readonly ShopifyShipmentResolver shipments = new(channel, cache, query);

    /// <summary>The last fresh answers for the price kinds; never taken from the cache (see <see cref="ProductPrices"/>).</summary>
    private readonly ConcurrentDictionary<ReferenceKey, string?> prices = new();

    public const string Variant = "variant";
    public const string InventoryItem = "inventory-item";
    public const string Product = "product";
    public const string Location = "location";

    private const int SkusPerSearch = 50;

    /// <summary>A page costs 2 + its size in points, so pages stay small enough for small buckets; more pages are followed.</summary>
    private const int LocationsPerPage = 50;

    private static readonly HashSet<string> SkuKinds = [Variant, InventoryItem, Product];

    /// <summary>Looks up whatever is not cached; returns a failure when a look-up itself failed.</summary>
    public async Task<DeliveryOutcome?> LoadAsync(IEnumerable<(string Kind, string Key)> wanted, CancellationToken cancellationToken)
    {
        var unknownKinds = wanted.Select(w => w.Kind).Where(k => !SkuKinds.Contains(k) && k != Location && !ShopifyShipmentResolver.Kinds.Contains(k) && !ProductPrices.IsPriceKind(k)).Distinct().ToList();
        if (unknownKinds.Count > 0)
        {
            return new DeliveryOutcome.PermanentFailure($"reference kind '{unknownKinds[0]}' is not one the Shopify connector resolves (variant, inventory-item, product, priced-product, unpriced-product, location, order, fulfillment-order, fulfillment-order-line-item, fulfillment)");
        }

        try
        {
            if (await shipments.LoadAsync(wanted, cancellationToken) is { } shipmentFailure)
            {
                return shipmentFailure;
            }

            var skus = wanted.Where(w => SkuKinds.Contains(w.Kind) && !cache.TryGet(w.Kind, w.Key, out _)).Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
            foreach (var chunk in skus.Chunk(SkusPerSearch))
            {
                if (await SearchSkusAsync(chunk, cancellationToken) is { } failure)
                {
                    return failure;
                }
            }

            var (priced, priceFailure) = await ProductPrices.ResolveAsync(wanted.Select(w => new ReferenceKey(w.Kind, w.Key)), LookUpPricesAsync, cancellationToken);
            if (priceFailure is not null)
            {
                return priceFailure;
            }

            foreach (var (reference, id) in priced!)
            {
                prices[reference] = id;
            }

            var codes = wanted.Where(w => w.Kind == Location && !options.Locations.ContainsKey(w.Key) && !cache.TryGet(Location, w.Key, out _)).Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
            return codes.Count == 0 ? null : await ReadLocationsAsync(codes, cancellationToken);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
        {
            return new DeliveryOutcome.PermanentFailure($"Shopify channel '{channel}' answered a look-up in an unexpected shape ({exception.Message})");
        }
    }

    /// <summary>
    /// A reference a delivery fails without is looked up afresh each time: a remembered "not found" is only for the
    /// optional ones, so that a SKU created on the platform after a failure is found when the operator resubmits.
    /// </summary>
    public void ForgetMissing(string kind, string key) => cache.ForgetMissing(kind, key);

    /// <summary>The GID of a loaded reference, or null when it does not exist on the channel.</summary>
    public string? Find(string kind, string key)
    {
        if (ShopifyShipmentResolver.Kinds.Contains(kind))
        {
            return shipments.Find(kind, key);
        }

        if (ProductPrices.IsPriceKind(kind))
        {
            return prices.GetValueOrDefault(new ReferenceKey(kind, key));
        }

        if (kind == Location && options.Locations.TryGetValue(key, out var configured))
        {
            return long.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"gid://shopify/Location/{configured}" : configured;
        }

        return cache.TryGet(kind, key, out var id) ? id : null;
    }

    /// <summary>What to say when a required reference does not resolve.</summary>
    public string Describe(string kind, string key) => ShopifyShipmentResolver.Kinds.Contains(kind) ? shipments.Describe(kind, key)
        : ProductPrices.IsPriceKind(kind) ? ProductPrices.NotFound(new ReferenceKey(kind, key), channel)
        : kind == Location
        ? $"location '{key}' is not in the Locations of channel '{channel}' and no Shopify location has that name"
        : $"SKU '{key}' has no variant on channel '{channel}'";

    /// <summary>Remembers the ids a productSet answer returned, so the next plan finds a product just created.</summary>
    public void Learn(string sku, string? productId, string? variantId, string? inventoryItemId)
    {
        Remember(Product, sku, productId);
        Remember(Variant, sku, variantId);
        Remember(InventoryItem, sku, inventoryItemId);
    }

    private void Remember(string kind, string sku, string? id)
    {
        if (id is not null)
        {
            cache.Found(kind, sku, id);
        }
    }

    private async Task<DeliveryOutcome?> SearchSkusAsync(string[] skus, CancellationToken cancellationToken)
    {
        var search = ShopifyDocuments.SkuSearch(skus);
        var found = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var result = await query(ShopifyDocuments.VariantsBySku, new { first = Math.Min(250, skus.Length), after, query = search }, cancellationToken);
            if (result.Failure is not null)
            {
                return result.Failure;
            }

            var connection = result.Data.GetProperty("productVariants");
            foreach (var node in connection.GetProperty("nodes").EnumerateArray())
            {
                var sku = node.GetProperty("sku").GetString();
                if (sku is null || !skus.Contains(sku, StringComparer.Ordinal) || !found.Add(sku))
                {
                    // Shopify's search is not exact; only a variant whose SKU is exactly the one asked for counts, the first one wins.
                    continue;
                }

                Learn(sku, Id(node, "product"), node.GetProperty("id").GetString(), Id(node, "inventoryItem"));
            }

            after = NextPage(connection);
        }
        while (after is not null && found.Count < skus.Length);

        foreach (var sku in skus.Where(s => !found.Contains(s)))
        {
            cache.Missing(Variant, sku);
            cache.Missing(InventoryItem, sku);
            cache.Missing(Product, sku);
        }

        return null;
    }

    /// <summary>The shop's variants with these SKUs, their prices and products: one search per batch, never cached.</summary>
    private async Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)> LookUpPricesAsync(
        IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StorePrice>(StringComparer.Ordinal);
        foreach (var chunk in skus.Chunk(SkusPerSearch))
        {
            var result = await query(ShopifyDocuments.VariantPricesBySku, new { first = 250, query = ShopifyDocuments.SkuSearch(chunk) }, cancellationToken);
            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            foreach (var node in result.Data.GetProperty("productVariants").GetProperty("nodes").EnumerateArray())
            {
                if (node.GetProperty("sku").GetString() is { } sku && chunk.Contains(sku, StringComparer.Ordinal) && Id(node, "product") is { } productId)
                {
                    var price = decimal.TryParse(node.GetProperty("price").GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null;
                    found.TryAdd(sku, new StorePrice(productId, price));
                }
            }
        }

        return (found, null);
    }

    private async Task<DeliveryOutcome?> ReadLocationsAsync(List<string> codes, CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var result = await query(ShopifyDocuments.Locations, new { first = LocationsPerPage, after }, cancellationToken);
            if (result.Failure is not null)
            {
                return result.Failure;
            }

            var connection = result.Data.GetProperty("locations");
            foreach (var node in connection.GetProperty("nodes").EnumerateArray())
            {
                if (node.GetProperty("name").GetString() is { } name && node.GetProperty("id").GetString() is { } id)
                {
                    cache.Found(Location, name, id);
                }
            }

            after = NextPage(connection);
        }
        while (after is not null);

        foreach (var code in codes.Where(c => !cache.TryGet(Location, c, out _)))
        {
            cache.Missing(Location, code);
        }

        return null;
    }

    private static string? Id(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value.GetProperty("id").GetString() : null;

    private static string? NextPage(JsonElement connection) =>
        connection.TryGetProperty("pageInfo", out var page) && page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
}
