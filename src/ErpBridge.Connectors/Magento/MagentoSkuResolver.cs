using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// Whether the store has the SKUs a plan names by SKU (<see cref="MagentoReferenceKinds.Sku"/>): one
/// <c>GET V1/products</c> search (<c>sku in …</c>) per batch of SKUs not cached, so that stock for a SKU the store does
/// not have fails its item alone instead of Magento refusing the whole source-items save. A found SKU resolves to the
/// store's own spelling (Magento matches SKUs without regard to case). Found for minutes, missing for seconds.
/// </summary>
internal sealed class MagentoSkuResolver(ConnectorTransport transport, MagentoConnectorOptions options) : IDisposable
{
    private const int SkusPerSearch = 100;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly ExpiringIdCache<string, string> cache = new(options.TimeProvider, options.FoundTtl, options.MissingTtl, StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim lookups = new(1, 1);

    /// <summary>Each wanted SKU's store spelling (null = the store has no such product), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Values, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, IReadOnlySet<ReferenceKey> required, CancellationToken cancellationToken)
    {
        foreach (var reference in required)
        {
            cache.ForgetMissing(reference.Key);
        }

        if (wanted.Any(r => !cache.TryGet(r.Key, out _)))
        {
            // One look-up at a time per channel: concurrent deliveries wanting the same SKUs then share one request.
            await lookups.WaitAsync(cancellationToken);
            try
            {
                var unknown = wanted.Where(r => !cache.TryGet(r.Key, out _)).Select(r => r.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                foreach (var batch in unknown.Chunk(SkusPerSearch))
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

        return (wanted.ToDictionary(r => r, r => cache.TryGet(r.Key, out var sku) ? sku : null), null);
    }

    /// <summary>
    /// The store's products with these SKUs (matched without regard to case, as Magento does) and their prices (for
    /// <see cref="ProductPrices"/>): the same search, never cached. A price-less product was created with price 0,
    /// since Magento requires a price.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)> LookUpPricesAsync(
        IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StorePrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in skus.Chunk(SkusPerSearch))
        {
            var result = await transport.SendAsync(HttpMethod.Get, SearchUrl(batch), null, NoHeaders, cancellationToken);
            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            try
            {
                using var document = JsonDocument.Parse(result.Body);
                foreach (var product in document.RootElement.GetProperty("items").EnumerateArray())
                {
                    if (product.GetProperty("sku").GetString() is { Length: > 0 } sku)
                    {
                        var price = product.TryGetProperty("price", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : (decimal?)null;
                        found.TryAdd(sku, new StorePrice(sku, price));
                    }
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return (null, new DeliveryOutcome.TransientFailure($"unexpected response to GET V1/products on channel '{transport.Channel}': {exception.Message}"));
            }
        }

        return (found, null);
    }

    public void Dispose() => lookups.Dispose();

    private static string SearchUrl(string[] skus)
    {
        const string filter = "searchCriteria[filter_groups][0][filters][0]";
        return $"V1/products?{Uri.EscapeDataString(filter + "[field]")}=sku"
            + $"&{Uri.EscapeDataString(filter + "[value]")}={Uri.EscapeDataString(string.Join(",", skus))}"
            + $"&{Uri.EscapeDataString(filter + "[condition_type]")}=in"
            + $"&{Uri.EscapeDataString("searchCriteria[pageSize]")}={skus.Length}";
    }

    private async Task<DeliveryOutcome?> LookUp(string[] skus, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, SearchUrl(skus), null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(result.Body);
            foreach (var product in document.RootElement.GetProperty("items").EnumerateArray())
            {
                if (product.GetProperty("sku").GetString() is { Length: > 0 } sku && found.Add(sku))
                {
                    cache.Found(sku, sku);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A body of another shape (a proxy's error page, a truncated answer): the next attempt may get the real one.
            return new DeliveryOutcome.TransientFailure($"unexpected response to GET V1/products on channel '{transport.Channel}': {exception.Message}");
        }

        foreach (var sku in skus.Where(s => !found.Contains(s)))
        {
            cache.Missing(sku);
        }

        return null;
    }
}
