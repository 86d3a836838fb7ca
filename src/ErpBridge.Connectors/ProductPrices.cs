using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>
/// The two reference kinds a product plan asks for when its message carries no price (a material master has none):
/// <see cref="Priced"/> resolves to the product's id when the store has a product with the SKU and a price above 0,
/// <see cref="Unpriced"/> when it has the product without one (price 0 or empty); neither when the store has no such
/// product. The maps use them so that a price-less product is never made sellable at 0: activated only where the
/// store already has its price, kept a draft otherwise. Always looked up afresh, never cached: prices change by
/// another path (condition records), and a stale "priced" would sell at 0.
/// </summary>
internal static class ProductPrices
{
    public const string Priced = "priced-product";

    public const string Unpriced = "unpriced-product";

    public static bool IsPriceKind(string kind) => kind is Priced or Unpriced;

    /// <summary>
    /// The answers for the price kinds among <paramref name="wanted"/> from one look-up of their SKUs
    /// (<paramref name="lookUp"/> returns the store's product per SKU it has), or the failure the look-up came to.
    /// </summary>
    public static async Task<(Dictionary<ReferenceKey, string?>? Ids, DeliveryOutcome? Failure)> ResolveAsync(
        IEnumerable<ReferenceKey> wanted,
        Func<IReadOnlyList<string>, CancellationToken, Task<(IReadOnlyDictionary<string, StorePrice>? Found, DeliveryOutcome? Failure)>> lookUp,
        CancellationToken cancellationToken)
    {
        var references = wanted.Where(r => IsPriceKind(r.Kind)).Distinct().ToList();
        var ids = new Dictionary<ReferenceKey, string?>();
        if (references.Count == 0)
        {
            return (ids, null);
        }

        var (found, failure) = await lookUp([.. references.Select(r => r.Key).Distinct(StringComparer.Ordinal)], cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        foreach (var reference in references)
        {
            ids[reference] = Answer(reference.Kind, found!.GetValueOrDefault(reference.Key));
        }

        return (ids, null);
    }

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind == Priced
        ? $"SKU '{reference.Key}' has no product with a price on channel '{channel}'"
        : $"SKU '{reference.Key}' has no product without a price on channel '{channel}'";

    private static string? Answer(string kind, StorePrice? product) =>
        product is null ? null : (product.Price > 0) == (kind == Priced) ? product.Id : null;
}
