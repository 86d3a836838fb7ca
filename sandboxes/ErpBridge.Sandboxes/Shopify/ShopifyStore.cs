using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// The sandbox shop: products, variants, inventory items, locations, levels, and a log of mutations. One lock guards
/// it all: each GraphQL request runs and is projected under it, so every answer is consistent.
/// </summary>
internal sealed partial class ShopifyStore(TimeProvider time)
{
    private readonly Dictionary<string, LocationEntity> locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductEntity> products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariantEntity> variants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InventoryItemEntity> items = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Item, string Location), int> levels = [];
    private readonly Dictionary<InventoryItemEntity, VariantEntity> variantsByItem = [];
    private readonly List<ShopifyMutationRecord> log = [];
    private const int MaxLogEntries = 100_000;

    private long nextNumber = 1_000;
    private long mutationCount;

    public object Gate { get; } = new();

    public TimeProvider Time => time;

    public IEnumerable<LocationEntity> Locations => locations.Values;

    public IEnumerable<VariantEntity> Variants => variants.Values;

    public LocationEntity? Location(string id) => locations.GetValueOrDefault(id);

    public ProductEntity? Product(string id) => products.GetValueOrDefault(id);

    public VariantEntity? Variant(string id) => variants.GetValueOrDefault(id);

    public InventoryItemEntity? Item(string id) => items.GetValueOrDefault(id);

    public VariantEntity? VariantOfItem(InventoryItemEntity item) => variantsByItem.GetValueOrDefault(item);

    public int? Available(InventoryItemEntity item, LocationEntity location) =>
        levels.TryGetValue((item.Id, location.Id), out var quantity) ? quantity : null;

    public LocationEntity AddLocation(string name)
    {
        var location = new LocationEntity(Next(), name);
        locations[location.Id] = location;
        foreach (var item in items.Values)
        {
            levels[(item.Id, location.Id)] = 0;
        }

        return location;
    }

    /// <summary>One product with one variant and inventory item per SKU not yet present, stocked at 0 everywhere.</summary>
    public void Seed(IEnumerable<string> skus) => EnsureVariants(skus);

    public ShopifySandboxState Snapshot()
    {
        return new ShopifySandboxState(
            locations.Values.Select(l => new ShopifyLocationState(l.Id, l.Name, l.IsActive)).ToList(),
            products.Values.Select(p => new ShopifyProductState(
                p.Id, p.Title, p.Handle, p.Status, p.DescriptionHtml,
                p.Variants.Select(v => new ShopifyVariantState(v.Id, p.Id, v.Sku, v.Price, v.Barcode, v.Item.Id, v.Item.WeightValue, v.Item.WeightUnit)).ToList())).ToList(),
            levels.Select(l => new ShopifyInventoryLevelState(l.Key.Item, l.Key.Location, l.Value)).ToList(),
            [.. log],
            [.. OrderStates()]);
    }

    public void Record(string mutation, string? idempotencyKey, string argumentsJson, string result)
    {
        // Long benchmark runs would otherwise grow the log without end; the oldest entries go first.
        if (log.Count >= MaxLogEntries)
        {
            log.RemoveRange(0, MaxLogEntries / 10);
        }

        log.Add(new ShopifyMutationRecord(++mutationCount, time.GetUtcNow(), mutation, idempotencyKey, argumentsJson, result));
    }

    private VariantEntity AddVariant(ProductEntity product, string? sku)
    {
        var item = new InventoryItemEntity(Next());
        items[item.Id] = item;
        foreach (var location in locations.Values)
        {
            levels[(item.Id, location.Id)] = 0;
        }

        var variant = new VariantEntity(Next(), product, item) { Sku = sku };
        variants[variant.Id] = variant;
        variantsByItem[item] = variant;
        product.Variants.Add(variant);
        return variant;
    }

    private void RemoveVariant(VariantEntity variant)
    {
        variant.Product.Variants.Remove(variant);
        variants.Remove(variant.Id);
        items.Remove(variant.Item.Id);
        variantsByItem.Remove(variant.Item);
        foreach (var location in locations.Values)
        {
            levels.Remove((variant.Item.Id, location.Id));
        }
    }

    private string UniqueHandle(string wanted)
    {
        var handle = Slug(wanted);
        var candidate = handle;
        for (var n = 1; products.Values.Any(p => p.Handle == candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{handle}-{n}");
        }

        return candidate;
    }

    private static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "product" : slug;
    }

    private long Next() => ++nextNumber;
}
