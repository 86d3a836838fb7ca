namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The store's products and variations, behind one lock. SKUs are unique across products and variations, as
/// WooCommerce enforces; writes that would break that are refused with <c>product_invalid_sku</c>.
/// </summary>
internal sealed class WooCommerceStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, WooProduct> items = [];
    private int nextId = 10;

    public WooCommerceSandboxState Snapshot()
    {
        lock (gate)
        {
            return new WooCommerceSandboxState(
                items.Values.Where(p => !p.IsVariation).ToList(),
                items.Values.Where(p => p.IsVariation).ToList());
        }
    }

    public WooProduct? Get(int id)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(id);
        }
    }

    /// <summary>Products and variations whose SKU is one of <paramref name="skus"/>, by id (WooCommerce's sku filter covers both).</summary>
    public IReadOnlyList<WooProduct> BySkus(IReadOnlyCollection<string> skus)
    {
        lock (gate)
        {
            return items.Values.Where(p => p.Sku.Length > 0 && skus.Contains(p.Sku)).ToList();
        }
    }

    public IReadOnlyList<WooProduct> Products()
    {
        lock (gate)
        {
            return items.Values.Where(p => !p.IsVariation).ToList();
        }
    }

    public IReadOnlyList<WooProduct> VariationsOf(int parentId)
    {
        lock (gate)
        {
            return items.Values.Where(p => p.ParentId == parentId && p.IsVariation).ToList();
        }
    }

    /// <summary>Adds a product or variation (its id assigned here), or says why not.</summary>
    public (WooProduct? Created, WooError? Error) Create(WooProduct draft)
    {
        lock (gate)
        {
            if (SkuTaken(draft.Sku, exceptId: 0))
            {
                return (null, DuplicateSku());
            }

            var created = draft with { Id = nextId++ };
            items[created.Id] = created;
            return (created, null);
        }
    }

    /// <summary>Applies <paramref name="change"/> to item <paramref name="id"/> when <paramref name="accepts"/> it is the right kind.</summary>
    public (WooProduct? Updated, WooError? Error) Update(int id, Func<WooProduct, bool> accepts, WooError notFound, Func<WooProduct, WooProduct> change)
    {
        lock (gate)
        {
            if (!items.TryGetValue(id, out var current) || !accepts(current))
            {
                return (null, notFound);
            }

            var updated = change(current) with { Id = current.Id, ParentId = current.ParentId };
            if (updated.Sku != current.Sku && SkuTaken(updated.Sku, id))
            {
                return (null, DuplicateSku());
            }

            items[id] = updated;
            return (updated, null);
        }
    }

    /// <summary>Removes an item and, for a variable product, its variations; as a merchant would in wp-admin.</summary>
    public WooProduct? Delete(int id, Func<WooProduct, bool> accepts)
    {
        lock (gate)
        {
            if (!items.TryGetValue(id, out var current) || !accepts(current))
            {
                return null;
            }

            items.Remove(id);
            foreach (var child in items.Values.Where(p => p.ParentId == id).Select(p => p.Id).ToList())
            {
                items.Remove(child);
            }

            return current;
        }
    }

    private bool SkuTaken(string sku, int exceptId) => sku.Length > 0 && items.Values.Any(p => p.Id != exceptId && p.Sku == sku);

    private static WooError DuplicateSku() => new(400, "product_invalid_sku", "Invalid or duplicated SKU.");
}
