namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The store's catalog and inventory. One lock guards everything: requests are short, and a consistent view matters
/// more to tests than parallel writes do.
/// </summary>
internal sealed class BigCommerceStore
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly List<SandboxProduct> products = [];
    private readonly Dictionary<int, int> productIndex = [];
    private readonly Dictionary<string, SandboxVariant> variantsBySku = new(StringComparer.Ordinal);
    private readonly List<SandboxVariant> variants = [];
    private readonly List<SandboxLocation> locations;
    private readonly Dictionary<int, SandboxVariant> variantsById = [];
    private readonly Dictionary<int, Dictionary<int, int>> inventory = [];
    private readonly Dictionary<int, Dictionary<int, int>> safetyStock = [];
    private int nextProductId = 100;
    private int nextVariantId = 10_000;
    private int nextCustomFieldId = 1;

    public BigCommerceStore(IEnumerable<string> locationCodes, TimeProvider time)
    {
        this.time = time;
        locations = locationCodes.Select((code, index) => new SandboxLocation(index + 1, code, $"Warehouse {code}")).ToList();
    }

    public BigCommerceSandboxState Snapshot()
    {
        lock (gate)
        {
            var codes = locations.ToDictionary(l => l.Id, l => l.Code);
            var levels = inventory
                .SelectMany(variant => variant.Value.Select(level => new SandboxInventoryLevel(
                    variant.Key, variantsById[variant.Key].Sku, level.Key, codes[level.Key], level.Value)))
                .OrderBy(l => l.VariantId).ThenBy(l => l.LocationId)
                .ToList();
            return new BigCommerceSandboxState([.. products], [.. variants], [.. locations], levels);
        }
    }

    public IReadOnlyList<SandboxLocation> Locations => locations;

    public IReadOnlyList<SandboxProduct> Products(Func<SandboxProduct, bool> filter)
    {
        lock (gate)
        {
            return products.Where(filter).ToList();
        }
    }

    public IReadOnlyList<SandboxVariant> Variants(Func<SandboxVariant, bool> filter)
    {
        lock (gate)
        {
            return variants.Where(filter).ToList();
        }
    }

    /// <summary>Removes a product with its variants and their stock, as a merchant deleting it in the control panel.</summary>
    public bool Delete(int id)
    {
        lock (gate)
        {
            if (!productIndex.TryGetValue(id, out var index))
            {
                return false;
            }

            products.RemoveAt(index);
            productIndex.Clear();
            for (var i = 0; i < products.Count; i++)
            {
                productIndex[products[i].Id] = i;
            }

            foreach (var variant in variants.Where(v => v.ProductId == id).ToList())
            {
                variants.Remove(variant);
                variantsById.Remove(variant.Id);
                variantsBySku.Remove(variant.Sku);
                inventory.Remove(variant.Id);
                safetyStock.Remove(variant.Id);
            }

            return true;
        }
    }

    public SandboxProduct? Product(int id)
    {
        lock (gate)
        {
            return productIndex.TryGetValue(id, out var index) ? products[index] : null;
        }
    }

    /// <summary>Adds a product with its base variant, or says which unique value is taken (BigCommerce answers 409).</summary>
    public (SandboxProduct? Product, string? ConflictField) Create(ProductFields fields)
    {
        lock (gate)
        {
            var conflict = Conflict(fields.Name!, fields.Sku ?? "", exceptId: null);
            if (conflict is not null)
            {
                return (null, conflict);
            }

            var now = time.GetUtcNow();
            var product = new SandboxProduct(
                nextProductId++, fields.Name!, fields.Type!, fields.Sku ?? "", fields.Price!.Value, fields.Weight!.Value,
                fields.Description ?? "", fields.IsVisible ?? true, fields.Upc ?? "", NewCustomFields(fields.CustomFields),
                nextVariantId++, now, now)
            { Availability = fields.Availability ?? "available" };
            var variant = new SandboxVariant(product.BaseVariantId, product.Id, product.Sku, IsBaseVariant: true);
            productIndex[product.Id] = products.Count;
            products.Add(product);
            variants.Add(variant);
            variantsById[variant.Id] = variant;
            if (variant.Sku.Length > 0)
            {
                variantsBySku[variant.Sku] = variant;
            }

            return (product, null);
        }
    }

    /// <summary>Applies the given fields to product <paramref name="id"/>; null when there is no such product.</summary>
    public (SandboxProduct? Product, string? ConflictField) Update(int id, ProductFields fields)
    {
        lock (gate)
        {
            if (!productIndex.TryGetValue(id, out var index))
            {
                return (null, null);
            }

            var old = products[index];
            var conflict = Conflict(fields.Name ?? old.Name, fields.Sku ?? old.Sku, exceptId: id);
            if (conflict is not null)
            {
                return (old, conflict);
            }

            var customFields = fields.CustomFields is null ? old.CustomFields : MergeCustomFields(old.CustomFields, fields.CustomFields);
            if (customFields is null)
            {
                return (old, "custom_fields.id");
            }

            var updated = old with
            {
                Name = fields.Name ?? old.Name,
                Sku = fields.Sku ?? old.Sku,
                Price = fields.Price ?? old.Price,
                Weight = fields.Weight ?? old.Weight,
                Description = fields.Description ?? old.Description,
                IsVisible = fields.IsVisible ?? old.IsVisible,
                Availability = fields.Availability ?? old.Availability,
                Upc = fields.Upc ?? old.Upc,
                CustomFields = customFields,
                DateModified = time.GetUtcNow(),
            };
            products[index] = updated;
            if (updated.Sku != old.Sku)
            {
                variantsBySku.Remove(old.Sku);
                var variantIndex = variants.FindIndex(v => v.Id == old.BaseVariantId);
                variants[variantIndex] = variants[variantIndex] with { Sku = updated.Sku };
                variantsById[old.BaseVariantId] = variants[variantIndex];
                variantsBySku[updated.Sku] = variants[variantIndex];
            }

            return (updated, null);
        }
    }

    /// <summary>
    /// Sets absolute quantities, all or nothing: the first item naming an unknown SKU, variant, product or location
    /// rejects the whole request, as BigCommerce does.
    /// </summary>
    public string? SetAbsolute(IReadOnlyList<AdjustmentItem> items)
    {
        lock (gate)
        {
            var resolved = new (int VariantId, int LocationId, int Quantity)[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.LocationId < 1 || item.LocationId > locations.Count)
                {
                    return $"[Location with id {item.LocationId} does not exist]";
                }

                int? variantId = item switch
                {
                    { Sku: { } sku } => variantsBySku.TryGetValue(sku, out var bySku) ? bySku.Id : null,
                    { VariantId: { } vid } => variantsById.ContainsKey(vid) ? vid : null,
                    { ProductId: { } pid } => productIndex.TryGetValue(pid, out var index) ? products[index].BaseVariantId : null,
                    _ => null,
                };
                if (variantId is null)
                {
                    return $"[Item with {item.IdentityName} {item.IdentityValue} does not exist]";
                }

                resolved[i] = (variantId.Value, item.LocationId, item.Quantity);
            }

            foreach (var (variantId, locationId, quantity) in resolved)
            {
                if (!inventory.TryGetValue(variantId, out var levels))
                {
                    inventory[variantId] = levels = [];
                }

                levels[locationId] = quantity;
            }

            return null;
        }
    }

    /// <summary>
    /// Creates a product (with its base variant) for each SKU not in the store; returns the products holding the SKUs.
    /// Linear in the number of SKUs (keyed look-ups, one set of names), so a catalogue of 100,000 seeds in seconds.
    /// </summary>
    public IReadOnlyList<SandboxProduct> Seed(IReadOnlyList<string> skus)
    {
        lock (gate)
        {
            var seeded = new List<SandboxProduct>(skus.Count);
            HashSet<string>? names = null;
            var now = time.GetUtcNow();
            foreach (var sku in skus)
            {
                if (variantsBySku.TryGetValue(sku, out var existing))
                {
                    seeded.Add(products[productIndex[existing.ProductId]]);
                    continue;
                }

                names ??= products.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                seeded.Add(products[productIndex[AddSeeded(sku, names, now).ProductId]]);
            }

            return seeded;
        }
    }

    /// <summary>A seeded product "Product {sku}" with its base variant; <paramref name="names"/> are the names taken. Call under the gate.</summary>
    private SandboxVariant AddSeeded(string sku, HashSet<string> names, DateTimeOffset now)
    {
        var name = $"Product {sku}";
        if (!names.Add(name))
        {
            throw new InvalidOperationException($"Seeding SKU '{sku}' conflicted with an existing product name.");
        }

        var product = new SandboxProduct(nextProductId++, name, "physical", sku, 10m, 1m, "", true, "", [], nextVariantId++, now, now);
        var variant = new SandboxVariant(product.BaseVariantId, product.Id, sku, IsBaseVariant: true);
        productIndex[product.Id] = products.Count;
        products.Add(product);
        variants.Add(variant);
        variantsById[variant.Id] = variant;
        variantsBySku[sku] = variant;
        return variant;
    }

    /// <summary>
    /// Sets stock in bulk for tests and benchmarks: creates a product (with its base variant) for each SKU not in the
    /// store, then sets each level. Linear in the number of levels (keyed look-ups, no scan per SKU), so 100,000 SKUs seed in seconds.
    /// </summary>
    public void SetStock(IReadOnlyList<(string Sku, string Location, long Quantity)> levels)
    {
        lock (gate)
        {
            var locationIds = locations.ToDictionary(l => l.Code, l => l.Id, StringComparer.Ordinal);
            foreach (var (sku, location, quantity) in levels)
            {
                ArgumentException.ThrowIfNullOrEmpty(sku, nameof(levels));
                if (!locationIds.ContainsKey(location ?? ""))
                {
                    throw new ArgumentException($"Location '{location}' is not one of the sandbox's location codes ({string.Join(", ", locationIds.Keys)}).", nameof(levels));
                }

                if (quantity is < int.MinValue or > int.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(levels), quantity, $"SKU '{sku}': BigCommerce keeps stock as a 32-bit integer.");
                }
            }

            HashSet<string>? names = null;
            var now = time.GetUtcNow();
            foreach (var (sku, location, quantity) in levels)
            {
                if (!variantsBySku.TryGetValue(sku, out var variant))
                {
                    names ??= products.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    variant = AddSeeded(sku, names, now);
                }

                if (!inventory.TryGetValue(variant.Id, out var stock))
                {
                    inventory[variant.Id] = stock = [];
                }

                stock[locationIds[location]] = (int)quantity;
            }
        }
    }

    /// <summary>
    /// Sets the safety stock of a SKU at a location, as a merchant does in the control panel: it lowers what the item
    /// shows as available to sell, not its stock on hand. False when the store has no such SKU or location.
    /// </summary>
    public bool SetSafetyStock(string sku, string locationCode, int safety)
    {
        lock (gate)
        {
            var location = locations.Find(l => l.Code == locationCode);
            if (location is null || !variantsBySku.TryGetValue(sku, out var variant))
            {
                return false;
            }

            if (!safetyStock.TryGetValue(variant.Id, out var levels))
            {
                safetyStock[variant.Id] = levels = [];
            }

            levels[location.Id] = safety;
            return true;
        }
    }

    /// <summary>
    /// One page of <c>GET v3/inventory/items</c>: variants in id order (the list is kept in creation order, so a page is
    /// a slice, not a scan), each with its stock at the locations where it has a level. A SKU or variant filter looks the
    /// variants up by key; only a product filter scans.
    /// </summary>
    public (IReadOnlyList<InventoryItem> Items, int Total) InventoryItems(InventoryItemFilter filter, int page, int limit)
    {
        lock (gate)
        {
            IReadOnlyList<SandboxVariant> matching;
            if (filter.Skus is null && filter.VariantIds is null && filter.ProductIds is null)
            {
                matching = variants;
            }
            else
            {
                IEnumerable<SandboxVariant> selected = filter.Skus is { } skus
                    ? skus.Select(s => variantsBySku.GetValueOrDefault(s)).OfType<SandboxVariant>()
                    : filter.VariantIds is { } ids
                        ? ids.Select(id => variantsById.GetValueOrDefault(id)).OfType<SandboxVariant>()
                        : variants;
                matching = selected
                    .Where(v => (filter.VariantIds is null || filter.VariantIds.Contains(v.Id)) && (filter.ProductIds is null || filter.ProductIds.Contains(v.ProductId)))
                    .DistinctBy(v => v.Id)
                    .OrderBy(v => v.Id)
                    .ToList();
            }

            var start = (long)(page - 1) * limit;
            var items = new List<InventoryItem>();
            for (var index = start; index < matching.Count && index < start + limit; index++)
            {
                var variant = matching[(int)index];
                var stock = inventory.GetValueOrDefault(variant.Id);
                var safety = safetyStock.GetValueOrDefault(variant.Id);
                var levels = stock is null
                    ? []
                    : stock.OrderBy(l => l.Key)
                        .Where(l => filter.LocationIds is null || filter.LocationIds.Contains(l.Key))
                        .Select(l => new InventoryItemLevel(locations[l.Key - 1], l.Value, safety?.GetValueOrDefault(l.Key) ?? 0))
                        .Where(l => filter.LocationCodes is null || filter.LocationCodes.Contains(l.Location.Code))
                        .ToList();
                items.Add(new InventoryItem(variant, levels));
            }

            return (items, matching.Count);
        }
    }

    public int InventoryLevel(int variantId)
    {
        lock (gate)
        {
            return inventory.TryGetValue(variantId, out var levels) ? levels.Values.Sum() : 0;
        }
    }

    private string? Conflict(string name, string sku, int? exceptId)
    {
        if (sku.Length > 0 && variantsBySku.TryGetValue(sku, out var taken) && taken.ProductId != exceptId)
        {
            return "sku";
        }

        return products.Exists(p => p.Id != exceptId && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) ? "name" : null;
    }

    private List<SandboxCustomField> NewCustomFields(IReadOnlyList<CustomFieldInput>? fields) =>
        fields is null ? [] : fields.Select(f => new SandboxCustomField(nextCustomFieldId++, f.Name, f.Value)).ToList();

    /// <summary>
    /// A product PUT changes the custom fields it names by id and adds those sent without one (BigCommerce: "id ...
    /// required to update existing custom field in /PUT request"); fields not sent stay. Null when an id is not the product's.
    /// </summary>
    private List<SandboxCustomField>? MergeCustomFields(IReadOnlyList<SandboxCustomField> existing, IReadOnlyList<CustomFieldInput> sent)
    {
        var merged = existing.ToList();
        foreach (var field in sent)
        {
            if (field.Id is not { } id)
            {
                merged.Add(new SandboxCustomField(nextCustomFieldId++, field.Name, field.Value));
                continue;
            }

            var index = merged.FindIndex(f => f.Id == id);
            if (index < 0)
            {
                return null;
            }

            merged[index] = merged[index] with { Name = field.Name, Value = field.Value };
        }

        return merged;
    }
}
