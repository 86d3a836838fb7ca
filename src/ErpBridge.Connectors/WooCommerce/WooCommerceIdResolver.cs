using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Finds what SKUs name on the store with as few requests as possible: the cache first, then one
/// <c>GET products?sku=A,B,...</c> per batch of SKUs (WooCommerce's sku filter takes a comma list and returns
/// variations too, with their parent_id). A SKU that itself holds a comma is looked up alone: WooCommerce then
/// matches the whole text.
/// </summary>
internal sealed class WooCommerceIdResolver(ConnectorTransport transport, ExpiringIdCache<string, WooCommerceCatalogItem> cache, WooCommerceConnectorOptions options) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly SemaphoreSlim lookups = new(1, 1);

    /// <summary>What every SKU names (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<string, WooCommerceCatalogItem?>? Items, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        if (Unknown(skus).Count > 0)
        {
            // One look-up at a time per channel: concurrent deliveries wanting the same SKUs then share one request.
            await lookups.WaitAsync(cancellationToken);
            try
            {
                var unknown = Unknown(skus);
                var batches = unknown.Where(s => !s.Contains(',', StringComparison.Ordinal)).Chunk(options.SkuLookupBatchSize)
                    .Concat(unknown.Where(s => s.Contains(',', StringComparison.Ordinal)).Select(s => new[] { s }));
                foreach (var batch in batches)
                {
                    if (await LookUp(batch, cancellationToken) is { } failure)
                    {
                        return (null, failure);
                    }
                }
            }
            finally
            {
                lookups.Release();
            }
        }

        var items = new Dictionary<string, WooCommerceCatalogItem?>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            items[sku] = cache.TryGet(sku, out var item) ? item : null;
        }

        return (items, null);
    }

    /// <summary>
    /// The shop's products (variations are not products) with these SKUs and their regular prices (for
    /// <see cref="ProductPrices"/>): one <c>GET products?sku=A,B,...</c> per batch, never cached. A price-less product
    /// has an empty regular_price, which WooCommerce does not sell.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)> LookUpPricesAsync(
        IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StorePrice>(StringComparer.Ordinal);
        var batches = skus.Where(s => !s.Contains(',', StringComparison.Ordinal)).Chunk(options.SkuLookupBatchSize)
            .Concat(skus.Where(s => s.Contains(',', StringComparison.Ordinal)).Select(s => new[] { s }));
        foreach (var batch in batches)
        {
            KeyValuePair<string, string>[] query = [new("sku", string.Join(",", batch)), new("per_page", "100")];
            var result = await transport.SendAsync(HttpMethod.Get, "products", query, null, NoHeaders, cancellationToken);
            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            try
            {
                using var document = JsonDocument.Parse(result.Body);
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var sku = item.GetProperty("sku").GetString() ?? "";
                    var isVariation = item.TryGetProperty("type", out var type) && type.GetString() == "variation";
                    if (!isVariation && batch.Contains(sku, StringComparer.Ordinal))
                    {
                        var text = item.TryGetProperty("regular_price", out var price) ? price.GetString() : null;
                        var value = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
                        found.TryAdd(sku, new StorePrice(item.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), value));
                    }
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return (null, new DeliveryOutcome.TransientFailure($"unexpected response to GET products?sku=: {exception.Message}"));
            }
        }

        return (found, null);
    }

    public void Dispose() => lookups.Dispose();

    private SortedSet<string> Unknown(IEnumerable<string> skus) => new(skus.Where(s => !cache.TryGet(s, out _)), StringComparer.Ordinal);

    private async Task<DeliveryOutcome?> LookUp(string[] skus, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] query = [new("sku", string.Join(",", skus)), new("per_page", "100")];
        var result = await transport.SendAsync(HttpMethod.Get, "products", query, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        var wanted = skus.ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(result.Body);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var sku = item.GetProperty("sku").GetString() ?? "";
                if (!wanted.Contains(sku) || !found.Add(sku))
                {
                    continue;
                }

                var isVariation = item.TryGetProperty("type", out var type) && type.GetString() == "variation";
                var parentId = isVariation && item.TryGetProperty("parent_id", out var parent) ? parent.GetInt64() : 0;
                cache.Found(sku, new WooCommerceCatalogItem(item.GetProperty("id").GetInt64(), parentId));
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A body of another shape (a caching plugin's page, a truncated answer): the next attempt may get the real one.
            return new DeliveryOutcome.TransientFailure($"unexpected response to GET products?sku=: {exception.Message}");
        }

        foreach (var sku in skus.Where(s => !found.Contains(s)))
        {
            cache.Missing(sku);
        }

        return null;
    }
}
