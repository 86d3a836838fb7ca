using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

internal sealed partial class ShopifyStore
{
    /// <summary>
    /// Creates (no identifier, or a handle not in use) or updates (by id or handle) one product. The variants list,
    /// when given, replaces the product's variants: a variant is kept when matched by id or by SKU, others are removed.
    /// </summary>
    public ProductSetResult ProductSet(Dictionary<string, object?>? identifier, Dictionary<string, object?> input)
    {
        var errors = new List<UserError>();
        ProductEntity? product = null;
        if (identifier?.GetValueOrDefault("id") is string id)
        {
            product = Product(id);
            if (product is null)
            {
                return new ProductSetResult(null, [new UserError(["identifier", "id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")]);
            }
        }
        else if (identifier?.GetValueOrDefault("handle") is string handle)
        {
            product = products.Values.FirstOrDefault(p => p.Handle == handle);
        }

        var creating = product is null;
        var title = input.GetValueOrDefault("title") as string;
        if (input.ContainsKey("title") && string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new UserError(["input", "title"], "Title can't be blank", "INVALID_PRODUCT"));
        }
        else if (creating && title is null)
        {
            errors.Add(new UserError(["input", "title"], "Title can't be blank", "MISSING_FIELD_REQUIRED"));
        }

        var options = input.GetValueOrDefault("productOptions") as List<object?>;
        var variantInputs = input.GetValueOrDefault("variants") as List<object?>;
        var optionValues = CheckOptions(options, variantInputs, errors);
        if (variantInputs is not null)
        {
            CheckVariants(product, variantInputs, optionValues, errors);
        }

        if (errors.Count > 0)
        {
            return new ProductSetResult(null, errors);
        }

        if (product is null)
        {
            product = new ProductEntity(Next())
            {
                Handle = UniqueHandle(identifier?.GetValueOrDefault("handle") as string ?? input.GetValueOrDefault("handle") as string ?? title!)
            };
            products[product.Id] = product;
        }

        product.Title = title ?? product.Title;
        product.DescriptionHtml = input.GetValueOrDefault("descriptionHtml") as string ?? product.DescriptionHtml;
        product.Status = input.GetValueOrDefault("status") as string ?? product.Status;
        product.Vendor = input.GetValueOrDefault("vendor") as string ?? product.Vendor;
        product.ProductType = input.GetValueOrDefault("productType") as string ?? product.ProductType;
        if (input.GetValueOrDefault("tags") is List<object?> tags)
        {
            product.Tags = tags.OfType<string>().ToList();
        }

        if (variantInputs is not null)
        {
            ReplaceVariants(product, variantInputs);
        }
        else if (creating)
        {
            AddVariant(product, null);
        }

        return new ProductSetResult(product, []);
    }

    private static Dictionary<string, HashSet<string>> CheckOptions(List<object?>? options, List<object?>? variantInputs, List<UserError> errors)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (variantInputs is not null && options is null)
        {
            errors.Add(new UserError(["input", "productOptions"], "Product options input is required when updating variants.", "PRODUCT_OPTIONS_INPUT_MISSING"));
        }
        else if (options is not null && variantInputs is null)
        {
            errors.Add(new UserError(["input", "variants"], "Variants input is required when updating product options.", "VARIANTS_INPUT_MISSING"));
        }

        for (var i = 0; i < (options?.Count ?? 0); i++)
        {
            var option = (Dictionary<string, object?>)options![i]!;
            var name = option.GetValueOrDefault("name") as string ?? "";
            var values = (option.GetValueOrDefault("values") as List<object?> ?? []).OfType<Dictionary<string, object?>>()
                .Select(v => v.GetValueOrDefault("name") as string ?? "").ToHashSet(StringComparer.Ordinal);
            if (!known.TryAdd(name, values))
            {
                errors.Add(new UserError(["input", "productOptions", Index(i), "name"], $"Duplicated option name '{name}'.", "DUPLICATED_OPTION_NAME"));
            }
        }

        return known;
    }

    private void CheckVariants(ProductEntity? product, List<object?> variantInputs, Dictionary<string, HashSet<string>> options, List<UserError> errors)
    {
        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variantInputs.Count; i++)
        {
            var variant = (Dictionary<string, object?>)variantInputs[i]!;
            string[] at = ["input", "variants", Index(i)];
            if (variant.GetValueOrDefault("id") is string variantId && (Variant(variantId) is not { } existing || existing.Product != product))
            {
                errors.Add(new UserError([.. at, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
            }

            var values = (List<object?>)variant["optionValues"]!;
            for (var j = 0; j < values.Count; j++)
            {
                var value = (Dictionary<string, object?>)values[j]!;
                var optionName = value.GetValueOrDefault("optionName") as string ?? "";
                if (!options.TryGetValue(optionName, out var allowed))
                {
                    errors.Add(new UserError([.. at, "optionValues", Index(j)], $"Option '{optionName}' does not exist.", "OPTION_DOES_NOT_EXIST"));
                }
                else if (!allowed.Contains(value.GetValueOrDefault("name") as string ?? ""))
                {
                    errors.Add(new UserError([.. at, "optionValues", Index(j)], $"Option value '{value.GetValueOrDefault("name")}' does not exist on option '{optionName}'.", "OPTION_VALUE_DOES_NOT_EXIST"));
                }
            }

            if (variant.GetValueOrDefault("price") is string price && decimal.Parse(price, NumberStyles.Number, CultureInfo.InvariantCulture) < 0)
            {
                errors.Add(new UserError([.. at, "price"], "Price must be greater than or equal to 0", "INVALID_VARIANT"));
            }

            var weight = ((variant.GetValueOrDefault("inventoryItem") as Dictionary<string, object?>)?.GetValueOrDefault("measurement") as Dictionary<string, object?>)?.GetValueOrDefault("weight") as Dictionary<string, object?>;
            if (weight?.GetValueOrDefault("value") is double and < 0)
            {
                errors.Add(new UserError([.. at, "inventoryItem", "measurement", "weight", "value"], "Weight must be greater than or equal to 0", "INVALID_VARIANT"));
            }

            if (variant.GetValueOrDefault("sku") is string { Length: > 0 } sku)
            {
                if (!skus.Add(sku))
                {
                    errors.Add(new UserError([.. at, "sku"], $"SKU '{sku}' is given to more than one variant.", "DUPLICATED_VALUE"));
                }
                else if (variants.Values.FirstOrDefault(v => v.Sku == sku && v.Product != product) is { } other)
                {
                    // Shopify itself allows a SKU on several products; the bridge relies on SKUs being unique, so the sandbox refuses.
                    errors.Add(new UserError([.. at, "sku"], $"SKU '{sku}' is already used by variant {other.Id} of product {other.Product.Id}.", "DUPLICATED_VALUE"));
                }
            }
        }
    }

    private void ReplaceVariants(ProductEntity product, List<object?> variantInputs)
    {
        var kept = new List<VariantEntity>();
        foreach (var input in variantInputs.Cast<Dictionary<string, object?>>())
        {
            var sku = input.GetValueOrDefault("sku") as string;
            var variant = (input.GetValueOrDefault("id") is string id ? Variant(id) : null)
                ?? product.Variants.FirstOrDefault(v => !kept.Contains(v) && sku is not null && v.Sku == sku)
                ?? AddVariant(product, sku);
            if (input.ContainsKey("sku"))
            {
                variant.Sku = sku;
            }

            variant.Price = input.GetValueOrDefault("price") as string ?? variant.Price;
            if (input.ContainsKey("barcode"))
            {
                variant.Barcode = input["barcode"] as string;
            }

            variant.Title = string.Join(" / ", ((List<object?>)input["optionValues"]!).Cast<Dictionary<string, object?>>().Select(v => v.GetValueOrDefault("name") as string));
            var item = input.GetValueOrDefault("inventoryItem") as Dictionary<string, object?>;
            if ((item?.GetValueOrDefault("measurement") as Dictionary<string, object?>)?.GetValueOrDefault("weight") is Dictionary<string, object?> weight)
            {
                variant.Item.WeightValue = (double)weight["value"]!;
                variant.Item.WeightUnit = (string)weight["unit"]!;
            }

            if (item?.GetValueOrDefault("tracked") is bool tracked)
            {
                variant.Item.Tracked = tracked;
            }

            kept.Add(variant);
        }

        foreach (var removed in product.Variants.Except(kept).ToList())
        {
            RemoveVariant(removed);
        }

        product.Variants.Sort((a, b) => kept.IndexOf(a).CompareTo(kept.IndexOf(b)));
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
