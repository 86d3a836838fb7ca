using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

internal sealed partial class ShopifyStore
{
    /// <summary>
    /// <c>productVariantsBulkUpdate</c>: changes only the fields given (price, barcode) of existing
    /// variants of one product; everything else of the product and its variants stays. Without
    /// <c>allowPartialUpdates</c> any error leaves every variant unchanged, as Shopify does.
    /// </summary>
    public VariantsBulkUpdateResult VariantsBulkUpdate(string productId, List<object?> inputs, bool allowPartialUpdates)
    {
        if (Product(productId) is not { } product)
        {
            return new VariantsBulkUpdateResult(null, [], [new UserError(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")]);
        }

        var errors = new List<UserError>();
        var valid = new List<(VariantEntity Variant, Dictionary<string, object?> Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = (Dictionary<string, object?>)inputs[i]!;
            string[] at = ["variants", i.ToString(CultureInfo.InvariantCulture)];
            var before = errors.Count;
            if (input.GetValueOrDefault("id") is not string id)
            {
                errors.Add(new UserError([.. at, "id"], "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
                continue;
            }

            if (Variant(id) is not { } variant)
            {
                errors.Add(new UserError([.. at, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                continue;
            }

            if (variant.Product != product)
            {
                errors.Add(new UserError([.. at, "id"], "Product variant does not belong to the product", "MUST_BE_FOR_THIS_PRODUCT"));
                continue;
            }

            if (input.GetValueOrDefault("price") is string money && decimal.Parse(money, NumberStyles.Number, CultureInfo.InvariantCulture) < 0)
            {
                errors.Add(new UserError([.. at, "price"], "Price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
            }

            if (errors.Count == before)
            {
                valid.Add((variant, input));
            }
        }

        if (errors.Count > 0 && !allowPartialUpdates)
        {
            return new VariantsBulkUpdateResult(product, [], errors);
        }

        foreach (var (variant, input) in valid)
        {
            variant.Price = input.GetValueOrDefault("price") as string ?? variant.Price;
            if (input.ContainsKey("barcode"))
            {
                variant.Barcode = input["barcode"] as string;
            }
        }

        return new VariantsBulkUpdateResult(product, valid.ConvertAll(v => v.Variant), errors);
    }
}
