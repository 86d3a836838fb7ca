using System.Globalization;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// Where a stock read of a WooCommerce shop stands, as a page token: the products page (and its size, so that a resumed
/// read cuts the catalog at the same places) and, while inside a variable product's variations, that product's id and
/// the variations page. Written <c>page=3&amp;per_page=100</c> or <c>page=3&amp;per_page=100&amp;product=17&amp;variation_page=2</c>:
/// plain numbers that stay meaningful after a restart, for as long as the shop's catalog is not reshuffled.
/// </summary>
internal sealed record WooCommerceStockToken(int Page, int PerPage, long? ProductId = null, int VariationPage = 1)
{
    public static WooCommerceStockToken First(int perPage) => new(1, perPage);

    public WooCommerceStockToken NextProductsPage() => new(Page + 1, PerPage);

    public WooCommerceStockToken VariationsOf(long productId) => new(Page, PerPage, productId, 1);

    public WooCommerceStockToken NextVariationsPage() => this with { VariationPage = VariationPage + 1 };

    public override string ToString()
    {
        var text = $"page={Number(Page)}&per_page={Number(PerPage)}";
        return ProductId is { } id ? $"{text}&product={Number(id)}&variation_page={Number(VariationPage)}" : text;
    }

    /// <summary>The token's position, or null when the text is not a token this reader wrote.</summary>
    public static WooCommerceStockToken? Parse(string text, int maxPerPage)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&'))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || !fields.TryAdd(parts[0], value))
            {
                return null;
            }
        }

        var known = fields.Keys.All(k => k is "page" or "per_page" or "product" or "variation_page");
        var variations = fields.ContainsKey("product") == fields.ContainsKey("variation_page");
        if (!known || !variations || !fields.TryGetValue("page", out var page) || !fields.TryGetValue("per_page", out var perPage)
            || page > int.MaxValue || perPage > maxPerPage || fields.GetValueOrDefault("variation_page") > int.MaxValue)
        {
            return null;
        }

        return fields.TryGetValue("product", out var product)
            ? new WooCommerceStockToken((int)page, (int)perPage, product, (int)fields["variation_page"])
            : new WooCommerceStockToken((int)page, (int)perPage);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
