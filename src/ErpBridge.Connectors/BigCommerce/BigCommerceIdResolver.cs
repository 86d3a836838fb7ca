using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Finds the platform ids a plan asks for, with as few requests as possible: the channel's location map first, then
/// the cache, then one <c>GET v3/inventory/items?sku:in=...</c> per batch of SKUs (an inventory item's identity names
/// its variant and its product) and one <c>GET v3/inventory/locations</c>. Order kinds go to
/// <see cref="BigCommerceShipmentResolver"/>, uncached.
/// </summary>
/// <remarks>
/// The published catalog contract defines only <c>sku</c> (one SKU) on <c>/catalog/variants</c>, so a batched look-up
/// there would cost a request per SKU; <c>/catalog/products?sku:in</c> matches a product's own SKU only, not its other
/// variants'. <c>/inventory/items</c> declares <c>sku:in</c> and lists every variant, so one request answers a batch.
/// </remarks>
internal sealed class BigCommerceIdResolver(
    ConnectorTransport transport,
    ExpiringIdCache<ReferenceKey, string> cache,
    ChannelOptions channelOptions,
    BigCommerceConnectorOptions options) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly SemaphoreSlim lookups = new(1, 1);
    private readonly BigCommerceShipmentResolver orders = new(transport);

    /// <summary>Every wanted reference's id (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var (skus, locationCodes) = Unknown(wanted);
        if (skus.Count > 0 || locationCodes.Count > 0)
        {
            // One look-up at a time per channel: concurrent deliveries wanting the same ids then share one request.
            await lookups.WaitAsync(cancellationToken);
            try
            {
                (skus, locationCodes) = Unknown(wanted);
                foreach (var batch in skus.Chunk(options.SkuLookupBatchSize))
                {
                    if (await LookUpSkus(batch, cancellationToken) is { } failure)
                    {
                        return (null, failure);
                    }
                }

                if (locationCodes.Count > 0 && await LookUpLocations(locationCodes, cancellationToken) is { } locationFailure)
                {
                    return (null, locationFailure);
                }
            }
            finally
            {
                lookups.Release();
            }
        }

        var (orderIds, orderFailure) = await orders.ResolveAsync(wanted, cancellationToken);
        if (orderFailure is not null)
        {
            return (null, orderFailure);
        }

        var ids = orderIds!;
        foreach (var reference in wanted.Where(r => !BigCommerceReferenceKinds.IsOrderKind(r.Kind)))
        {
            ids[reference] = Known(reference, out var id) ? id : null;
        }

        return (ids, null);
    }

    public void Dispose() => lookups.Dispose();

    /// <summary>The SKUs and location codes of <paramref name="wanted"/> that neither the channel's map nor the cache answers.</summary>
    private (SortedSet<string> Skus, List<string> LocationCodes) Unknown(IEnumerable<ReferenceKey> wanted)
    {
        var skus = new SortedSet<string>(StringComparer.Ordinal);
        var locationCodes = new List<string>();
        foreach (var reference in wanted.Where(r => !BigCommerceReferenceKinds.IsOrderKind(r.Kind) && !Known(r, out _)))
        {
            if (reference.Kind == BigCommerceReferenceKinds.Location)
            {
                locationCodes.Add(reference.Key);
            }
            else
            {
                skus.Add(reference.Key);
            }
        }

        return (skus, locationCodes);
    }

    private bool Known(ReferenceKey reference, out string? id)
    {
        if (reference.Kind == BigCommerceReferenceKinds.Location && channelOptions.Locations.TryGetValue(reference.Key, out var mapped))
        {
            id = mapped;
            return true;
        }

        if (reference.Kind == BigCommerceReferenceKinds.Sku)
        {
            // The SKU's variant look-up answers for it: found, the SKU stands for itself.
            var known = cache.TryGet(new ReferenceKey(BigCommerceReferenceKinds.Variant, reference.Key), out var variant);
            id = variant is null ? null : reference.Key;
            return known;
        }

        return cache.TryGet(reference, out id);
    }

    private async Task<DeliveryOutcome?> LookUpSkus(string[] skus, CancellationToken cancellationToken)
    {
        var url = "v3/inventory/items?sku:in=" + string.Join(",", skus.Select(BigCommercePaths.EscapeQueryValue))
            + $"&limit={Math.Max(skus.Length, 50)}";
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!Read(result.Body, "v3/inventory/items", data =>
            {
                foreach (var item in data.EnumerateArray())
                {
                    var identity = item.GetProperty("identity");
                    var sku = identity.GetProperty("sku").GetString() ?? "";
                    if (skus.Contains(sku, StringComparer.Ordinal) && found.Add(sku))
                    {
                        cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Variant, sku), identity.GetProperty("variant_id").GetRawText());
                        cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Product, sku), identity.GetProperty("product_id").GetRawText());
                    }
                }
            }, out var unreadable))
        {
            return unreadable;
        }

        foreach (var sku in skus.Where(s => !found.Contains(s)))
        {
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Variant, sku));
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Product, sku));
        }

        return null;
    }

    /// <summary>
    /// The store's products with these SKUs and their prices (for <see cref="ProductPrices"/>): one
    /// <c>GET v3/catalog/products?sku:in=...</c> per batch, never cached. A price-less product was created with price 0,
    /// the least the API takes.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)> LookUpPricesAsync(
        IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StorePrice>(StringComparer.Ordinal);
        foreach (var batch in skus.Chunk(options.SkuLookupBatchSize))
        {
            var url = "v3/catalog/products?sku:in=" + string.Join(",", batch.Select(BigCommercePaths.EscapeQueryValue))
                + $"&include_fields=sku,price&limit={Math.Max(batch.Length, 50)}";
            var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            if (!Read(result.Body, "v3/catalog/products", data =>
                {
                    foreach (var product in data.EnumerateArray())
                    {
                        if (product.GetProperty("sku").GetString() is { } sku && batch.Contains(sku, StringComparer.Ordinal))
                        {
                            var price = product.TryGetProperty("price", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : (decimal?)null;
                            found.TryAdd(sku, new StorePrice(product.GetProperty("id").GetRawText(), price));
                        }
                    }
                }, out var unreadable))
            {
                return (null, unreadable);
            }
        }

        return (found, null);
    }

    private async Task<DeliveryOutcome?> LookUpLocations(List<string> codes, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, "v3/inventory/locations", null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        if (!Read(result.Body, "v3/inventory/locations", data =>
            {
                foreach (var location in data.EnumerateArray())
                {
                    if (location.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                    {
                        cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Location, code.GetString()!), location.GetProperty("id").GetRawText());
                        codes.Remove(code.GetString()!);
                    }
                }
            }, out var unreadable))
        {
            return unreadable;
        }

        foreach (var code in codes)
        {
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Location, code));
        }

        return null;
    }

    /// <summary>
    /// Hands the <c>data</c> array of a list response to <paramref name="read"/>. A body of another shape (a proxy's
    /// error page, a truncated answer) is a transient failure rather than an exception: the next attempt may get the real one.
    /// </summary>
    private static bool Read(byte[] body, string what, Action<JsonElement> read, out DeliveryOutcome? failure)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            read(document.RootElement.GetProperty("data"));
            failure = null;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            failure = new DeliveryOutcome.TransientFailure($"unexpected response to GET {what}: {exception.Message}");
            return false;
        }
    }
}
