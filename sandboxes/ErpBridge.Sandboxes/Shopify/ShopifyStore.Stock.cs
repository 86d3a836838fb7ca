namespace ErpBridge.Sandboxes.Shopify;

internal sealed partial class ShopifyStore
{
    /// <summary>The shop's bulk operations (one query at a time), attached when the sandbox starts.</summary>
    public ShopifyBulkOperations BulkOperations { get; set; } = null!;

    /// <summary>Every inventory item, oldest first: the order Shopify's <c>inventoryItems</c> lists them by id.</summary>
    public IEnumerable<InventoryItemEntity> ItemsInOrder() => items.Values.OrderBy(i => i.Number);

    /// <summary>The item's levels at active locations, oldest location first.</summary>
    public IEnumerable<(LocationEntity Location, int Available)> LevelsOf(InventoryItemEntity item)
    {
        foreach (var location in locations.Values.Where(l => l.IsActive).OrderBy(l => l.Number))
        {
            if (levels.TryGetValue((item.Id, location.Id), out var available))
            {
                yield return (location, available);
            }
        }
    }

    /// <summary>
    /// Sets the available quantity of each SKU at each named location, creating missing products (as <see cref="Seed"/>
    /// does) and locations first. Built for seeding 100,000 SKUs: indexes are made once per call, not per SKU.
    /// </summary>
    public void SetStock(IReadOnlyCollection<(string Sku, string Location, long Quantity)> stock)
    {
        var byName = new Dictionary<string, LocationEntity>(StringComparer.Ordinal);
        foreach (var location in locations.Values.OrderBy(l => l.Number))
        {
            byName.TryAdd(location.Name, location);
        }

        foreach (var name in stock.Select(s => s.Location).Distinct(StringComparer.Ordinal).Where(n => !byName.ContainsKey(n)).ToList())
        {
            byName[name] = AddLocation(name);
        }

        var bySku = EnsureVariants(stock.Select(s => s.Sku));
        foreach (var (sku, location, quantity) in stock)
        {
            levels[(bySku[sku].Item.Id, byName[location].Id)] = checked((int)quantity);
        }
    }

    /// <summary>Creates a product per SKU not yet present and returns every SKU's (first) variant.</summary>
    private Dictionary<string, VariantEntity> EnsureVariants(IEnumerable<string> skus)
    {
        var bySku = new Dictionary<string, VariantEntity>(StringComparer.Ordinal);
        foreach (var variant in variants.Values.Where(v => v.Sku is not null).OrderBy(v => v.Number))
        {
            bySku.TryAdd(variant.Sku!, variant);
        }

        HashSet<string>? handles = null;
        foreach (var sku in skus)
        {
            if (bySku.ContainsKey(sku))
            {
                continue;
            }

            handles ??= new HashSet<string>(products.Values.Select(p => p.Handle), StringComparer.Ordinal);
            var handle = Slug($"product-{sku}");
            var candidate = handle;
            for (var n = 1; handles.Contains(candidate); n++)
            {
                candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{handle}-{n}");
            }

            handles.Add(candidate);
            var product = new ProductEntity(Next()) { Title = $"Product {sku}", Handle = candidate };
            products[product.Id] = product;
            bySku[sku] = AddVariant(product, sku);
        }

        return bySku;
    }
}
