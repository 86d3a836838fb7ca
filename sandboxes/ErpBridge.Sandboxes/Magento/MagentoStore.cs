namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// The catalog and MSI source items of the sandbox, behind one lock. Products are keyed by SKU (Magento's natural
/// key, case-insensitive as its database collation makes it); a save with a known SKU updates that product.
/// </summary>
internal sealed class MagentoStore
{
    /// <summary>Magento's "Default" attribute set for catalog products.</summary>
    public const int DefaultAttributeSet = 4;

    private static readonly HashSet<string> ProductTypes = ["simple", "virtual", "configurable", "bundle", "grouped", "downloadable"];

    private readonly Lock gate = new();
    private readonly Dictionary<string, MagentoProduct> products = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MagentoSource> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Sku, string Source), MagentoSourceItem> items = [];
    private readonly Dictionary<(string Sku, string Source), long> itemIds = [];
    private readonly TimeProvider time;
    private int nextProductId = 1;
    private long nextItemId = 1;
    private long itemsVersion;
    private (long Version, string Order, MagentoSourceItem[] Items)? sortedItems;

    public MagentoStore(IEnumerable<string> sourceCodes, TimeProvider time)
    {
        this.time = time;
        foreach (var code in sourceCodes)
        {
            sources[code] = new MagentoSource(code, code == "default" ? "Default Source" : $"Source {code}", true);
        }
    }

    public MagentoProduct? Product(string sku)
    {
        lock (gate)
        {
            return products.GetValueOrDefault(sku);
        }
    }

    public IReadOnlyList<MagentoProduct> Products(Func<MagentoProduct, bool> filter)
    {
        lock (gate)
        {
            return products.Values.Where(filter).OrderBy(p => p.Id).ToList();
        }
    }

    public IReadOnlyList<MagentoSource> Sources()
    {
        lock (gate)
        {
            return [.. sources.Values];
        }
    }

    public void AddSource(string code)
    {
        lock (gate)
        {
            sources.TryAdd(code, new MagentoSource(code, $"Source {code}", true));
        }
    }

    /// <summary>
    /// <c>POST V1/products/base-prices</c>: sets the price of each valid entry and nothing else of the product; an entry
    /// with an unknown SKU, a missing or negative price, or a store other than 0 (the sandbox has the default store only)
    /// is left out and reported, as Magento's price API does (message with placeholders, and their values).
    /// </summary>
    public IReadOnlyList<(string Message, IReadOnlyList<string> Parameters)> SetBasePrices(IReadOnlyList<BasePriceInput> prices)
    {
        var failed = new List<(string, IReadOnlyList<string>)>();
        lock (gate)
        {
            foreach (var price in prices)
            {
                var sku = price.Sku ?? "";
                if (!products.TryGetValue(sku, out var product))
                {
                    failed.Add(("The following products do not exist: %sku", [sku]));
                }
                else if (price.Price is not { } value || value < 0)
                {
                    failed.Add(("Invalid attribute %fieldName = %fieldValue. Row ID: SKU = %SKU, Store ID: %storeId.", ["Price", price.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", sku, (price.StoreId ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                }
                else if (price.StoreId is not 0)
                {
                    failed.Add(("Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId.", [sku, price.StoreId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""]));
                }
                else
                {
                    products[sku] = product with { Price = value, UpdatedAt = time.GetUtcNow() };
                }
            }
        }

        return failed;
    }

    /// <summary>Creates the product, or updates the one with that SKU (fields not sent are kept).</summary>
    public (MagentoProduct? Product, MagentoError? Error) Save(ProductInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Sku))
        {
            return (null, MagentoError.Required("sku"));
        }

        if (input.Sku.Length > 64)
        {
            return (null, new MagentoError(400, "SKU length should be %1 characters maximum.", ["64"]));
        }

        if (input.TypeId is { } type && !ProductTypes.Contains(type))
        {
            return (null, MagentoError.Invalid("type_id", type));
        }

        if (input.Status is { } status && status is not (1 or 2))
        {
            return (null, MagentoError.Invalid("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (input.Visibility is { } visibility && visibility is < 1 or > 4)
        {
            return (null, MagentoError.Invalid("visibility", visibility.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (input.AttributeSetId is { } set && set != DefaultAttributeSet)
        {
            return (null, new MagentoError(400, "Invalid product data: %1", ["Invalid attribute set entity type"]));
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (products.TryGetValue(input.Sku, out var existing))
            {
                var attributes = new Dictionary<string, string>(existing.CustomAttributes, StringComparer.Ordinal);
                foreach (var (code, value) in input.CustomAttributes)
                {
                    attributes[code] = value;
                }

                var updated = existing with
                {
                    Name = input.Name ?? existing.Name,
                    AttributeSetId = input.AttributeSetId ?? existing.AttributeSetId,
                    Price = input.Price ?? existing.Price,
                    Status = input.Status ?? existing.Status,
                    Visibility = input.Visibility ?? existing.Visibility,
                    TypeId = input.TypeId ?? existing.TypeId,
                    Weight = input.Weight ?? existing.Weight,
                    CustomAttributes = attributes,
                    UpdatedAt = now,
                };
                products[existing.Sku] = updated;
                return (updated, null);
            }

            if (string.IsNullOrWhiteSpace(input.Name))
            {
                return (null, new MagentoError(400, "The value of attribute \"%1\" must be set", ["name"]));
            }

            // Price is a required attribute of simple and virtual products: a new one cannot be saved without it.
            if (input.Price is null && (input.TypeId ?? "simple") is "simple" or "virtual")
            {
                return (null, new MagentoError(400, "The value of attribute \"%1\" must be set", ["price"]));
            }

            var created = new MagentoProduct(
                nextProductId++, input.Sku, input.Name, input.AttributeSetId ?? DefaultAttributeSet, input.Price, input.Status ?? 1,
                input.Visibility ?? 4, input.TypeId ?? "simple", input.Weight,
                new Dictionary<string, string>(input.CustomAttributes, StringComparer.Ordinal), now, now);
            products[created.Sku] = created;
            return (created, null);
        }
    }

    /// <summary>Saves source items all or nothing, as MSI does in one transaction.</summary>
    public MagentoError? SaveSourceItems(IReadOnlyList<MagentoSourceItem> sourceItems)
    {
        lock (gate)
        {
            var unknownSkus = sourceItems.Select(i => i.Sku).Where(s => !products.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
            if (unknownSkus.Count > 0)
            {
                return new MagentoError(400, "Following products with requested skus were not found: %1", [string.Join(", ", unknownSkus)]);
            }

            if (sourceItems.Any(i => !sources.ContainsKey(i.SourceCode)))
            {
                // MSI has no rule for it: the database's foreign key refuses the row, and the message names nothing.
                return new MagentoError(400, "Could not save Source Item");
            }

            foreach (var item in sourceItems)
            {
                PutSourceItem(item with { Sku = products[item.Sku].Sku });
            }

            return null;
        }
    }

    /// <summary>
    /// Sets quantities (status 1 above 0, else 0) in one go, creating the products ("Product {sku}", price 10) and
    /// sources that do not exist yet: the fast way to seed a large catalog. Returns how many levels were set.
    /// </summary>
    public int SetStock(IEnumerable<(string Sku, string SourceCode, decimal Quantity)> levels)
    {
        var now = time.GetUtcNow();
        var count = 0;
        lock (gate)
        {
            foreach (var (sku, sourceCode, quantity) in levels)
            {
                if (!products.TryGetValue(sku, out var product))
                {
                    product = new MagentoProduct(nextProductId++, sku, $"Product {sku}", DefaultAttributeSet, 10m, 1, 4, "simple", 1m,
                        new Dictionary<string, string>(StringComparer.Ordinal), now, now);
                    products[sku] = product;
                }

                sources.TryAdd(sourceCode, new MagentoSource(sourceCode, $"Source {sourceCode}", true));
                PutSourceItem(new MagentoSourceItem(product.Sku, sourceCode, quantity, quantity > 0 ? 1 : 0));
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The source items <paramref name="criteria"/> select: the asked page and how many match in all. Sorted views are
    /// kept until the next write, so paging through a large, unchanging table costs a page's worth per request
    /// (a filtered search scans the view once).
    /// </summary>
    public (IReadOnlyList<MagentoSourceItem> Page, int TotalCount) SearchSourceItems(SearchCriteria criteria)
    {
        lock (gate)
        {
            var sorted = SortedSourceItems(criteria.Sorts);
            IReadOnlyList<MagentoSourceItem> matching = criteria.Groups.Count == 0
                ? sorted
                : sorted.Where(i => criteria.Matches(field => SourceItemField(i, field))).ToArray();
            return (criteria.Page(matching).ToList(), matching.Count);
        }
    }

    /// <summary>The fields of a source item that searches filter and sort on; null for any other.</summary>
    public static string? SourceItemField(MagentoSourceItem item, string field) => field switch
    {
        "sku" => item.Sku,
        "source_code" => item.SourceCode,
        "quantity" => item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "status" => item.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private void PutSourceItem(MagentoSourceItem item)
    {
        var key = (item.Sku, item.SourceCode);
        if (!itemIds.ContainsKey(key))
        {
            itemIds[key] = nextItemId++;
        }

        items[key] = item;
        itemsVersion++;
    }

    /// <summary>
    /// All source items in the order of <paramref name="sorts"/>, then by source_item_id (creation order), which is
    /// also the order without sort orders, as MySQL reads the table. Text compares as MySQL's case-insensitive
    /// collation does, quantity and status as numbers.
    /// </summary>
    private MagentoSourceItem[] SortedSourceItems(IReadOnlyList<SearchSort> sorts)
    {
        var order = string.Join(",", sorts.Select(s => s.Field + (s.Descending ? " DESC" : "")));
        if (sortedItems is { } cached && cached.Version == itemsVersion && cached.Order == order)
        {
            return cached.Items;
        }

        var array = items.Values.ToArray();
        var ids = array.Select(i => itemIds[(i.Sku, i.SourceCode)]).ToArray();
        Array.Sort(ids, array);
        if (sorts.Count > 0)
        {
            var comparer = Comparer<MagentoSourceItem>.Create((a, b) =>
            {
                foreach (var sort in sorts)
                {
                    var compared = CompareField(a, b, sort.Field);
                    if (compared != 0)
                    {
                        return sort.Descending ? -compared : compared;
                    }
                }

                return itemIds[(a.Sku, a.SourceCode)].CompareTo(itemIds[(b.Sku, b.SourceCode)]);
            });
            Array.Sort(array, comparer);
        }

        sortedItems = (itemsVersion, order, array);
        return array;
    }

    private static int CompareField(MagentoSourceItem a, MagentoSourceItem b, string field) => field switch
    {
        "sku" => StringComparer.OrdinalIgnoreCase.Compare(a.Sku, b.Sku),
        "source_code" => StringComparer.OrdinalIgnoreCase.Compare(a.SourceCode, b.SourceCode),
        "quantity" => a.Quantity.CompareTo(b.Quantity),
        "status" => a.Status.CompareTo(b.Status),
        _ => 0,
    };

    public MagentoSandboxState Snapshot()
    {
        lock (gate)
        {
            return new MagentoSandboxState(
                products.Values.OrderBy(p => p.Id).ToList(),
                [.. sources.Values],
                items.Values.OrderBy(i => i.Sku, StringComparer.Ordinal).ThenBy(i => i.SourceCode, StringComparer.Ordinal).ToList());
        }
    }
}
