namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>The query root: variant search by SKU, locations, the orders search, and look-ups by id.</summary>
internal sealed class QueryRootNode(ShopifyStore store) : IGraphNode
{
    public string TypeName => "QueryRoot";

    public object? Resolve(FieldCall call)
    {
        switch (call.Name)
        {
            case "productVariants":
                var skus = ShopifySearchQuery.Skus(call.Argument<string>("query"));
                var matches = store.Variants.Where(v => skus is null || (v.Sku is not null && skus.Contains(v.Sku)))
                    .OrderBy(v => v.Number).Select(v => (IGraphNode)new VariantNode(v, store)).ToList();
                return new ConnectionNode("ProductVariantConnection", matches, call.Arguments);
            case "locations":
                var includeInactive = call.Argument<bool>("includeInactive");
                var locations = store.Locations.Where(l => l.IsActive || includeInactive).OrderBy(l => l.Name, StringComparer.Ordinal)
                    .Select(l => (IGraphNode)new LocationNode(l, store)).ToList();
                return new ConnectionNode("LocationConnection", locations, call.Arguments);
            case "productVariant":
                return store.Variant(call.Argument<string>("id")!) is { } variant ? new VariantNode(variant, store) : null;
            case "product":
                return store.Product(call.Argument<string>("id")!) is { } product ? new ProductNode(product, store) : null;
            case "inventoryItem":
                return store.Item(call.Argument<string>("id")!) is { } item ? new InventoryItemNode(item, store) : null;
            case "location":
                return store.Location(call.Argument<string>("id") ?? "") is { } location ? new LocationNode(location, store) : null;
            case "orders":
                return OrderConnection.Resolve(store, call.Arguments);
            case "order":
                return store.Order(call.Argument<string>("id")!) is { } order ? new OrderNode(order) : null;
            case "inventoryItems":
                var wanted = ShopifySearchQuery.Skus(call.Argument<string>("query"));
                var inventoryItems = store.ItemsInOrder().Where(i => wanted is null || (store.VariantOfItem(i)?.Sku is { } sku && wanted.Contains(sku)))
                    .Select(i => (IGraphNode)new InventoryItemNode(i, store)).ToList();
                return ConnectionNode.Over("InventoryItemConnection", inventoryItems, call);
            case "bulkOperation":
                return store.BulkOperations.Find(call.Argument<string>("id")!) is { } bulk ? new BulkOperationNode(bulk, store.BulkOperations) : null;
            case "currentBulkOperation":
                return (call.Argument<string>("type") ?? "QUERY") == "QUERY" && store.BulkOperations.Current is { } current ? new BulkOperationNode(current, store.BulkOperations) : null;
            default:
                return null;
        }
    }
}
