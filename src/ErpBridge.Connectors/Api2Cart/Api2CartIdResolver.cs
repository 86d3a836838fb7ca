using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// Finds the platform ids a plan asks for: warehouses from the channel's Locations, products by SKU from the cache or
/// one <c>GET product.list.json?sku=…</c> each (API2Cart filters by one SKU; its <c>product.find</c> searches names
/// and words, not an exact SKU). Order kinds go to <see cref="Api2CartShipmentResolver"/>, uncached.
/// </summary>
internal sealed class Api2CartIdResolver(
    ConnectorTransport transport,
    ExpiringIdCache<ReferenceKey, string> cache,
    ChannelOptions channelOptions,
    string channel) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly SemaphoreSlim lookups = new(1, 1);
    private readonly Api2CartShipmentResolver orders = new(transport, channel);

    /// <summary>Every wanted reference's id (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<ReferenceKey, string?>();
        foreach (var reference in wanted.Where(r => r.Kind == Api2CartReferenceKinds.Warehouse))
        {
            ids[reference] = channelOptions.Locations.TryGetValue(reference.Key, out var warehouse) && warehouse.Length > 0 ? warehouse : null;
        }

        var products = wanted.Where(r => r.Kind == Api2CartReferenceKinds.Product).ToList();
        if (products.Any(r => !cache.TryGet(r, out _)))
        {
            // One look-up at a time per channel: concurrent deliveries wanting the same SKU then share one request.
            await lookups.WaitAsync(cancellationToken);
            try
            {
                foreach (var reference in products.Where(r => !cache.TryGet(r, out _)))
                {
                    var (found, failure) = await FindAsync(reference.Key, cancellationToken);
                    if (failure is not null)
                    {
                        return (null, failure);
                    }

                    if (found is null)
                    {
                        cache.Missing(reference);
                    }
                    else
                    {
                        cache.Found(reference, found.Id);
                    }
                }
            }
            finally
            {
                lookups.Release();
            }
        }

        foreach (var reference in products)
        {
            ids[reference] = cache.TryGet(reference, out var id) ? id : null;
        }

        var (orderIds, orderFailure) = await orders.ResolveAsync(wanted, cancellationToken);
        if (orderFailure is not null)
        {
            return (null, orderFailure);
        }

        foreach (var (reference, id) in orderIds!)
        {
            ids[reference] = id;
        }

        return (ids, null);
    }

    /// <summary>The cart's products with these SKUs and their prices (for <see cref="ProductPrices"/>), never cached.</summary>
    public async Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)> LookUpPricesAsync(
        IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StorePrice>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            var (product, failure) = await FindAsync(sku, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }

            if (product is not null)
            {
                found[sku] = product;
                cache.Found(new ReferenceKey(Api2CartReferenceKinds.Product, sku), product.Id);
            }
        }

        return (found, null);
    }

    public void Dispose() => lookups.Dispose();

    /// <summary>The product whose SKU (else model) is <paramref name="sku"/>, with its price; null when the cart has none.</summary>
    private async Task<(StorePrice? Product, DeliveryOutcome? Failure)> FindAsync(string sku, CancellationToken cancellationToken)
    {
        var url = $"product.list.json?sku={Uri.EscapeDataString(sku)}&params=id,u_sku,u_model,price&count=10";
        var request = "GET product.list.json";
        var response = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        var (envelope, failure) = Api2CartOutcomes.Read(response, request, channel);
        if (failure is not null)
        {
            return (null, failure);
        }

        using (envelope)
        {
            try
            {
                foreach (var product in Api2CartJson.Items(envelope!.RootElement, "product"))
                {
                    if (Api2CartJson.SkuOf(product) == sku)
                    {
                        var price = product.TryGetProperty("price", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : (decimal?)null;
                        return (new StorePrice(Api2CartJson.Text(product, "id") ?? "", price), null);
                    }
                }

                return (null, null);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException)
            {
                return (null, new DeliveryOutcome.TransientFailure($"unexpected response to {request} on channel '{channel}': {exception.Message}"));
            }
        }
    }
}
