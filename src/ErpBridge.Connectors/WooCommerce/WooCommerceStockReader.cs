using System.Globalization;
using System.Text.Json;
using ErpBridge.Connectors.Http;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Reads a shop's stock in bulk for reconciliation. WooCommerce has no inventory endpoint, so the read pages through
/// <c>GET products?orderby=id&amp;order=asc&amp;per_page=&amp;page=</c> (id order, so that products created during the
/// read land on later pages instead of shifting earlier ones), and after each products page through
/// <c>GET products/{id}/variations</c> of each variable product on it that has variations. One call reads one of those
/// pages; <see cref="WooCommerceStockToken"/> says which comes next.
/// <para>
/// WooCommerce keeps one stock level per product, so every level is at the channel's one ERP location (the key of
/// ChannelOptions.Locations, as <see cref="WooCommerceStockLocation"/> accepts for delivery). Only managed stock is a level:
/// products and variations without manage_stock (a variation whose stock is its parent's says "parent"), and items
/// without a SKU, which the ERP cannot name, are left out. A variable product managing stock at parent level is a
/// level under its own SKU.
/// </para>
/// </summary>
internal sealed class WooCommerceStockReader(ConnectorTransport transport, ChannelOptions channelOptions, string channel)
{
    /// <summary>WordPress's REST collections take at most 100 per page.</summary>
    public const int MaxPageSize = 100;

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    /// <summary>The variable products of the products page read last, so that moving from one to the next costs no request.</summary>
    private ProductsPage? lastProductsPage;

    public async Task<StockReadResult> ReadAsync(StockQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (channelOptions.Locations.Keys.SingleOrDefault() is not { } location)
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure(
                $"channel '{channel}' names no location, so its WooCommerce stock cannot be compared with the ERP's: set Locations to the one ERP location code whose stock the shop shows"));
        }

        var token = query.PageToken is null
            ? WooCommerceStockToken.First(Math.Clamp(query.PageSize, 1, MaxPageSize))
            : WooCommerceStockToken.Parse(query.PageToken, MaxPageSize);
        if (token is null)
        {
            return StockReadResult.Failed(new DeliveryOutcome.PermanentFailure($"page token '{query.PageToken}' is not a WooCommerce stock read position (channel '{channel}')"));
        }

        try
        {
            return token.ProductId is { } productId
                ? await ReadVariationsAsync(token, productId, location, cancellationToken)
                : await ReadProductsAsync(token, location, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A body of another shape (a caching plugin's page, a truncated answer): the same page may come right next time.
            return StockReadResult.Failed(new DeliveryOutcome.TransientFailure($"unexpected response reading stock on channel '{channel}': {exception.Message}"));
        }
    }

    private async Task<StockReadResult> ReadProductsAsync(WooCommerceStockToken token, string location, CancellationToken cancellationToken)
    {
        var (page, levels, failure) = await ProductsPageAsync(token, location, cancellationToken);
        return failure is not null ? StockReadResult.Failed(failure) : StockReadResult.Of(new StockPage(levels, Next(token, page!, afterProductId: null)?.ToString()));
    }

    private async Task<StockReadResult> ReadVariationsAsync(WooCommerceStockToken token, long productId, string location, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, $"products/{WooCommerceOutcomes.Number(productId)}/variations", Paging(token.VariationPage, token.PerPage), null, NoHeaders, cancellationToken);
        var levels = new List<StockLevel>();
        var moreVariations = false;
        if (result.Status is 400 or 404 && WooCommerceOutcomes.ErrorCode(result.Body) == "woocommerce_rest_product_invalid_id")
        {
            // Deleted since its products page was read: it has no stock left to compare.
        }
        else if (result.Failure is not null)
        {
            return StockReadResult.Failed(result.Failure);
        }
        else
        {
            using var document = JsonDocument.Parse(result.Body);
            var count = 0;
            foreach (var variation in document.RootElement.EnumerateArray())
            {
                count++;
                if (Level(variation, location) is { } level)
                {
                    levels.Add(level);
                }
            }

            moreVariations = result.TotalPages() is { } total ? token.VariationPage < total : count == token.PerPage;
        }

        if (moreVariations)
        {
            return StockReadResult.Of(new StockPage(levels, token.NextVariationsPage().ToString()));
        }

        var page = lastProductsPage is { } last && last.Page == token.Page && last.PerPage == token.PerPage ? last : null;
        if (page is null)
        {
            // Resumed by another connector (a restart): read the products page again for its variable products only.
            var (fetched, _, failure) = await ProductsPageAsync(token, location, cancellationToken);
            if (failure is not null)
            {
                return StockReadResult.Failed(failure);
            }

            page = fetched!;
        }

        return StockReadResult.Of(new StockPage(levels, Next(token, page, productId)?.ToString()));
    }

    /// <summary>The next variable product with variations on this products page after <paramref name="afterProductId"/>, else the next products page, else the end.</summary>
    private static WooCommerceStockToken? Next(WooCommerceStockToken token, ProductsPage page, long? afterProductId)
    {
        var next = page.VariableIds.Where(id => afterProductId is null || id > afterProductId).Order().Cast<long?>().FirstOrDefault();
        return next is { } id ? token.VariationsOf(id) : page.HasMore ? token.NextProductsPage() : null;
    }

    private async Task<(ProductsPage? Page, List<StockLevel> Levels, DeliveryOutcome? Failure)> ProductsPageAsync(
        WooCommerceStockToken token, string location, CancellationToken cancellationToken)
    {
        var result = await transport.SendAsync(HttpMethod.Get, "products", Paging(token.Page, token.PerPage), null, NoHeaders, cancellationToken);
        var levels = new List<StockLevel>();
        if (result.Failure is not null)
        {
            return (null, levels, result.Failure);
        }

        using var document = JsonDocument.Parse(result.Body);
        var variable = new List<long>();
        var count = 0;
        foreach (var product in document.RootElement.EnumerateArray())
        {
            count++;
            if (Level(product, location) is { } level)
            {
                levels.Add(level);
            }

            if (product.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "variable"
                && product.TryGetProperty("variations", out var variations) && variations.ValueKind == JsonValueKind.Array && variations.GetArrayLength() > 0)
            {
                variable.Add(product.GetProperty("id").GetInt64());
            }
        }

        var page = new ProductsPage(token.Page, token.PerPage, variable, result.TotalPages() is { } total ? token.Page < total : count == token.PerPage);
        lastProductsPage = page;
        return (page, levels, null);
    }

    /// <summary>The item's stock level, or null when it has none the ERP can compare: unmanaged (or managed by its parent), or without a SKU.</summary>
    private static StockLevel? Level(JsonElement item, string location)
    {
        if (!item.TryGetProperty("manage_stock", out var managed) || managed.ValueKind != JsonValueKind.True
            || !item.TryGetProperty("sku", out var skuElement) || skuElement.ValueKind != JsonValueKind.String || skuElement.GetString() is not { Length: > 0 } sku
            || !item.TryGetProperty("stock_quantity", out var quantity) || quantity.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var value = quantity.TryGetInt64(out var whole) ? whole : (long)Math.Round(quantity.GetDecimal(), MidpointRounding.AwayFromZero);
        return new StockLevel(sku, location, value);
    }

    private static KeyValuePair<string, string>[] Paging(int page, int perPage) =>
    [
        new("orderby", "id"),
        new("order", "asc"),
        new("per_page", perPage.ToString(CultureInfo.InvariantCulture)),
        new("page", page.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>What the next read needs of a products page: its variable products with variations, in id order, and whether pages follow.</summary>
    private sealed record ProductsPage(int Page, int PerPage, IReadOnlyList<long> VariableIds, bool HasMore);
}
