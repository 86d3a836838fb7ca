namespace ErpBridge.Sandboxes.Shopify;

internal sealed partial class ShopifyStore
{
    /// <summary>
    /// <c>productUpdate</c>: changes only the product fields given (title, descriptionHtml, status) of the product with
    /// the id; its variants, prices and stock stay as they are.
    /// </summary>
    public ProductUpdateResult ProductUpdate(Dictionary<string, object?>? input)
    {
        if (input?.GetValueOrDefault("id") is not string id || Product(id) is not { } product)
        {
            return new ProductUpdateResult(null, [new UserError(["id"], "Product does not exist", null)]);
        }

        if (input.ContainsKey("title") && string.IsNullOrWhiteSpace(input["title"] as string))
        {
            return new ProductUpdateResult(null, [new UserError(["title"], "Title can't be blank", null)]);
        }

        product.Title = input.GetValueOrDefault("title") as string ?? product.Title;
        product.DescriptionHtml = input.GetValueOrDefault("descriptionHtml") as string ?? product.DescriptionHtml;
        product.Status = input.GetValueOrDefault("status") as string ?? product.Status;
        return new ProductUpdateResult(product, []);
    }
}
