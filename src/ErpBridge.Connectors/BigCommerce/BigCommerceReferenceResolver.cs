using System.Text.Json;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// Finds the platform ids a plan asks for, with as few requests as possible: the channel's location map first, then
/// the cache, then one <c>GET v3/catalog/variants?sku:in=...</c> per batch of SKUs (a variant names both its own id
/// and its product's) and one <c>GET v3/inventory/locations</c>.
/// </summary>
internal sealed class BigCommerceReferenceResolver(
    BigCommerceTransport transport,
    BigCommerceIdCache cache,
    ChannelOptions channelOptions,
    BigCommerceConnectorOptions options)
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    /// <summary>Every wanted reference's id (null = not found), or the failure a look-up came to.</summary>
    public async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IReadOnlyCollection<ReferenceKey> wanted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<ReferenceKey, string?>();
        var skus = new SortedSet<string>(StringComparer.Ordinal);
        var locationCodes = new List<string>();
        foreach (var reference in wanted)
        {
            if (reference.Kind == BigCommerceReferenceKinds.Location && channelOptions.Locations.TryGetValue(reference.Key, out var mapped))
            {
                ids[reference] = mapped;
            }
            else if (cache.TryGet(reference, out var cached))
            {
                ids[reference] = cached;
            }
            else if (reference.Kind == BigCommerceReferenceKinds.Location)
            {
                locationCodes.Add(reference.Key);
            }
            else
            {
                skus.Add(reference.Key);
            }
        }

        foreach (var batch in skus.Chunk(options.SkuLookupBatchSize))
        {
            var failure = await LookUpSkus(batch, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }
        }

        if (locationCodes.Count > 0)
        {
            var failure = await LookUpLocations(locationCodes, cancellationToken);
            if (failure is not null)
            {
                return (null, failure);
            }
        }

        foreach (var reference in wanted)
        {
            if (!ids.ContainsKey(reference))
            {
                ids[reference] = cache.TryGet(reference, out var id) ? id : null;
            }
        }

        return (ids, null);
    }

    private async Task<DeliveryOutcome?> LookUpSkus(string[] skus, CancellationToken cancellationToken)
    {
        var url = "v3/catalog/variants?sku:in=" + string.Join(",", skus.Select(BigCommercePaths.EscapeQueryValue))
            + $"&include_fields=id,product_id,sku&limit={Math.Max(skus.Length, 50)}";
        var result = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(result.Body))
        {
            foreach (var variant in document.RootElement.GetProperty("data").EnumerateArray())
            {
                var sku = variant.GetProperty("sku").GetString() ?? "";
                if (found.Add(sku))
                {
                    cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Variant, sku), variant.GetProperty("id").GetRawText());
                    cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Product, sku), variant.GetProperty("product_id").GetRawText());
                }
            }
        }

        foreach (var sku in skus.Where(s => !found.Contains(s)))
        {
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Variant, sku));
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Product, sku));
        }

        return null;
    }

    private async Task<DeliveryOutcome?> LookUpLocations(List<string> codes, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, "v3/inventory/locations", null, NoHeaders, cancellationToken);
        if (result.Failure is not null)
        {
            return result.Failure;
        }

        using var document = JsonDocument.Parse(result.Body);
        foreach (var location in document.RootElement.GetProperty("data").EnumerateArray())
        {
            if (location.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                cache.Found(new ReferenceKey(BigCommerceReferenceKinds.Location, code.GetString()!), location.GetProperty("id").GetRawText());
                codes.Remove(code.GetString()!);
            }
        }

        foreach (var code in codes)
        {
            cache.Missing(new ReferenceKey(BigCommerceReferenceKinds.Location, code));
        }

        return null;
    }
}
