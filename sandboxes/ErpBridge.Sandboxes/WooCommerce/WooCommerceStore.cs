namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The store's products and variations, behind one lock. SKUs are unique across products and variations, as
/// WooCommerce enforces; writes that would break that are refused with <c>product_invalid_sku</c>. Indexed by SKU,
/// by product id in id order and by parent, so that a store of 100,000 SKUs is seeded, looked up and paged without
/// scanning it per request.
/// </summary>
internal sealed class WooCommerceStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, WooProduct> items = [];
    private readonly Dictionary<string, int> idsBySku = new(StringComparer.Ordinal);

    /// <summary>Ids of products (not variations), ascending: ids are handed out in increasing order, so appends keep it sorted.</summary>
    private readonly List<int> productIds = [];
    private readonly Dictionary<int, List<int>> variationIds = [];
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
            return skus.Where(s => s.Length > 0).Select(s => idsBySku.TryGetValue(s, out var id) ? id : 0).Where(id => id != 0)
                .Distinct().Order().Select(id => items[id]).ToList();
        }
    }

    public IReadOnlyList<WooProduct> Products()
    {
        lock (gate)
        {
            return productIds.Select(id => items[id]).ToList();
        }
    }

    /// <summary>
    /// One page of products in id order (ascending, or descending when <paramref name="descending"/>) and how many
    /// products there are: a slice of the id index, whatever the page number.
    /// </summary>
    public (IReadOnlyList<WooProduct> Page, int Total) ProductPage(int offset, int count, bool descending)
    {
        lock (gate)
        {
            var total = productIds.Count;
            if (offset >= total)
            {
                return ([], total);
            }

            var take = Math.Min(count, total - offset);
            var page = new List<WooProduct>(take);
            for (var i = 0; i < take; i++)
            {
                var index = descending ? total - 1 - offset - i : offset + i;
                page.Add(items[productIds[index]]);
            }

            return (page, total);
        }
    }

    /// <summary>
    /// Sets managed stock per SKU in one pass, creating a simple product (named and priced like <see cref="WooCommerceSandbox.Seed"/>'s)
    /// for each SKU the store does not have; a SKU of a variable product sets its parent-level stock.
    /// </summary>
    public int SetStock(IEnumerable<(string Sku, int Quantity)> levels)
    {
        lock (gate)
        {
            var count = 0;
            foreach (var (sku, quantity) in levels)
            {
                if (idsBySku.TryGetValue(sku, out var id))
                {
                    items[id] = items[id] with { ManageStock = true, StockQuantity = quantity };
                }
                else
                {
                    Add(new WooProduct(nextId++, 0, "simple", $"Product {sku}", sku, "publish", "10.00", "", "", true, quantity, []));
                }

                count++;
            }

            return count;
        }
    }

    public IReadOnlyList<WooProduct> VariationsOf(int parentId)
    {
        lock (gate)
        {
            return variationIds.TryGetValue(parentId, out var children) ? children.Select(id => items[id]).ToList() : [];
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
            Add(created);
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

            if (updated.Sku != current.Sku)
            {
                idsBySku.Remove(current.Sku);
                if (updated.Sku.Length > 0)
                {
                    idsBySku[updated.Sku] = id;
                }
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

            Remove(current);
            foreach (var child in variationIds.GetValueOrDefault(id)?.ToList() ?? [])
            {
                Remove(items[child]);
            }

            variationIds.Remove(id);
            return current;
        }
    }

    private bool SkuTaken(string sku, int exceptId) => sku.Length > 0 && idsBySku.TryGetValue(sku, out var id) && id != exceptId;

    private void Add(WooProduct item)
    {
        items[item.Id] = item;
        if (item.Sku.Length > 0)
        {
            idsBySku[item.Sku] = item.Id;
        }

        if (item.IsVariation)
        {
            if (!variationIds.TryGetValue(item.ParentId, out var children))
            {
                variationIds[item.ParentId] = children = [];
            }

            children.Add(item.Id);
        }
        else
        {
            productIds.Add(item.Id);
        }
    }

    private void Remove(WooProduct item)
    {
        items.Remove(item.Id);
        if (item.Sku.Length > 0 && idsBySku.GetValueOrDefault(item.Sku) == item.Id)
        {
            idsBySku.Remove(item.Sku);
        }

        if (item.IsVariation)
        {
            variationIds.GetValueOrDefault(item.ParentId)?.Remove(item.Id);
        }
        else
        {
            var index = productIds.BinarySearch(item.Id);
            if (index >= 0)
            {
                productIds.RemoveAt(index);
            }
        }
    }

    private static WooError DuplicateSku() => new(400, "product_invalid_sku", "Invalid or duplicated SKU.");
}
