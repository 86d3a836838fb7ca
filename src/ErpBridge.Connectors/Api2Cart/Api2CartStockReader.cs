using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>
/// Reads the cart's stock for reconciliation with <c>GET product.list.json?start=…&amp;count=…&amp;params=id,u_sku,u_model,quantity,inventory</c>:
/// per product, one <see cref="StockLevel"/> per ERP location code of the channel's Locations, as delivery writes
/// them: a code mapped to a warehouse id reads that warehouse's <c>inventory</c> quantity, a code mapped to "" the
/// product's own <c>quantity</c>. A product without a SKU (or model) cannot be matched to the ERP's and is passed over.
/// The page token is the <c>start</c> of the next page.
/// </summary>
internal sealed class Api2CartStockReader(ConnectorTransport transport, ChannelOptions channelOptions, string channel)
{
    public const int MaxPageSize = 250;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public async Task<StockReadResult> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = 0L;
        if (query.PageToken is { } token && (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure(
                $"page token '{token}' is not an API2Cart product offset (channel '{channel}'); start the read again without one"));
        }

        var count = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var url = $"product.list.json?start={start.ToString(CultureInfo.InvariantCulture)}&count={count.ToString(CultureInfo.InvariantCulture)}&params=id,u_sku,u_model,quantity,inventory";
        var response = await transport.SendAsync(HttpMethod.Get, url, null, NoHeaders, cancellationToken);
        var (envelope, failure) = Api2CartOutcomes.Read(response, "GET product.list.json", channel);
        if (failure is not null)
        {
            return StockReadResult.Failed(failure);
        }

        using (envelope)
        {
            var levels = new List<StockLevel>();
            var products = 0;
            foreach (var product in Api2CartJson.Items(envelope!.RootElement, "product"))
            {
                products++;
                if (Api2CartJson.SkuOf(product) is not { Length: > 0 } sku)
                {
                    continue;
                }

                foreach (var (code, warehouse) in channelOptions.Locations.OrderBy(l => l.Key, StringComparer.Ordinal))
                {
                    if (Quantity(product, warehouse) is { } quantity)
                    {
                        levels.Add(new StockLevel(sku, code, quantity));
                    }
                }
            }

            var more = products >= count;
            return StockReadResult.Of(new StockPage(levels, more ? (start + products).ToString(CultureInfo.InvariantCulture) : null));
        }
    }

    /// <summary>The product's quantity in <paramref name="warehouse"/> ("" = its own quantity); null when it has none there.</summary>
    private static long? Quantity(JsonElement product, string warehouse)
    {
        if (warehouse.Length == 0)
        {
            return product.TryGetProperty("quantity", out var own) && own.ValueKind == JsonValueKind.Number ? (long)own.GetDecimal() : null;
        }

        if (!product.TryGetProperty("inventory", out var inventory) || inventory.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return inventory.EnumerateArray()
            .Where(i => Api2CartJson.Text(i, "warehouse_id") == warehouse && i.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number)
            .Select(i => (long?)(long)i.GetProperty("quantity").GetDecimal())
            .FirstOrDefault();
    }
}
