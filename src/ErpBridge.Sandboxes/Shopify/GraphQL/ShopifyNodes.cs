using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>The query root: variant search by SKU, locations, and look-ups by id.</summary>
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
            default:
                return null;
        }
    }
}

/// <summary>The mutation root. Each mutation is logged with its arguments and outcome.</summary>
internal sealed class MutationNode(ShopifyStore store) : IGraphNode
{
    public string TypeName => "Mutation";

    public object? Resolve(FieldCall call)
    {
        var arguments = PlainJson.ToJson(call.Arguments);
        switch (call.Name)
        {
            case "inventorySetQuantities":
                var key = call.Context.DirectiveArgument(call.Field, "idempotent", "key");
                var quantities = store.SetQuantities(call.Argument<Dictionary<string, object?>>("input")!, key, out var outcome);
                store.Record(call.Name, key, arguments, outcome);
                return new SetQuantitiesPayloadNode(quantities, store);
            case "productSet":
                var result = store.ProductSet(call.Argument<Dictionary<string, object?>>("identifier"), call.Argument<Dictionary<string, object?>>("input")!);
                store.Record(call.Name, null, arguments, result.Errors.Count == 0 ? "applied" : $"rejected: {result.Errors[0].Code}");
                return new ProductSetPayloadNode(result, call.Argument<bool?>("synchronous") ?? true, store);
            default:
                return null;
        }
    }
}

internal sealed record VariantNode(VariantEntity Variant, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductVariant";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Variant.Id,
        "legacyResourceId" => Variant.Number.ToString(CultureInfo.InvariantCulture),
        "sku" => Variant.Sku,
        "price" => Variant.Price,
        "barcode" => Variant.Barcode,
        "title" => Variant.Title,
        "displayName" => $"{Variant.Product.Title} - {Variant.Title}",
        "inventoryItem" => new InventoryItemNode(Variant.Item, Store),
        "product" => new ProductNode(Variant.Product, Store),
        _ => null,
    };
}

internal sealed record ProductNode(ProductEntity Product, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "Product";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Product.Id,
        "legacyResourceId" => Product.Number.ToString(CultureInfo.InvariantCulture),
        "title" => Product.Title,
        "handle" => Product.Handle,
        "status" => Product.Status,
        "descriptionHtml" => Product.DescriptionHtml,
        "vendor" => Product.Vendor,
        "productType" => Product.ProductType,
        "variants" => new ConnectionNode("ProductVariantConnection", Product.Variants.Select(v => (IGraphNode)new VariantNode(v, Store)).ToList(), call.Arguments),
        _ => null,
    };
}

internal sealed record InventoryItemNode(InventoryItemEntity Item, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryItem";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Item.Id,
        "legacyResourceId" => Item.Number.ToString(CultureInfo.InvariantCulture),
        "sku" => Store.VariantOfItem(Item)?.Sku,
        "tracked" => Item.Tracked,
        "measurement" => new MeasurementNode(Item),
        "inventoryLevel" => Store.Location(call.Argument<string>("locationId")!) is { } location && Store.Available(Item, location) is { } available
            ? new InventoryLevelNode(Item, location, available, Store)
            : null,
        _ => null,
    };
}

internal sealed record MeasurementNode(InventoryItemEntity Item) : IGraphNode
{
    public string TypeName => "InventoryItemMeasurement";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryItemMeasurement/{Item.Number}",
        "weight" => Item.WeightValue is { } value ? new WeightNode(value, Item.WeightUnit) : null,
        _ => null,
    };
}

internal sealed record WeightNode(double Value, string Unit) : IGraphNode
{
    public string TypeName => "Weight";

    public object? Resolve(FieldCall call) => call.Name == "value" ? Value : Unit;
}

internal sealed record InventoryLevelNode(InventoryItemEntity Item, LocationEntity Location, int Available, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryLevel";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryLevel/{Location.Number}?inventory_item_id={Item.Number}",
        "item" => new InventoryItemNode(Item, Store),
        "location" => new LocationNode(Location, Store),
        "quantities" => call.Argument<List<object?>>("names")!.OfType<string>()
            .Select(name => (IGraphNode)new InventoryQuantityNode(name, name is "available" or "on_hand" ? Available : 0)).ToList(),
        _ => null,
    };
}

internal sealed record InventoryQuantityNode(string Name, int Quantity) : IGraphNode
{
    public string TypeName => "InventoryQuantity";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/InventoryQuantity/{Name}",
        "name" => Name,
        "quantity" => Quantity,
        _ => null,
    };
}

internal sealed record LocationNode(LocationEntity Location, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "Location";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Location.Id,
        "legacyResourceId" => Location.Number.ToString(CultureInfo.InvariantCulture),
        "name" => Location.Name,
        "isActive" => Location.IsActive,
        "inventoryLevel" => Store.Item(call.Argument<string>("inventoryItemId")!) is { } item && Store.Available(item, Location) is { } available
            ? new InventoryLevelNode(item, Location, available, Store)
            : null,
        _ => null,
    };
}

internal sealed record SetQuantitiesPayloadNode(SetQuantitiesResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventorySetQuantitiesPayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "inventoryAdjustmentGroup" => Result.Group is { } group ? new AdjustmentGroupNode(group, Store) : null,
        "userErrors" => Result.Errors.Select(e => (IGraphNode)new UserErrorNode("InventorySetQuantitiesUserError", e)).ToList(),
        _ => null,
    };
}

internal sealed record AdjustmentGroupNode(AdjustmentGroup Group, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryAdjustmentGroup";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Group.Id,
        "createdAt" => Group.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "reason" => Group.Reason,
        "referenceDocumentUri" => Group.ReferenceDocumentUri,
        "changes" => Group.Changes.Where(c => Allowed(call, "inventoryItemIds", c.Item.Id) && Allowed(call, "locationIds", c.Location.Id) && Allowed(call, "quantityNames", c.Name))
            .Select(c => (IGraphNode)new ChangeNode(c, Store)).ToList(),
        _ => null,
    };

    private static bool Allowed(FieldCall call, string filter, string value) =>
        call.Argument<List<object?>>(filter) is not { } allowed || allowed.Contains(value);
}

internal sealed record ChangeNode(AdjustmentChange Change, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "InventoryChange";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "name" => Change.Name,
        "delta" => Change.Delta,
        "quantityAfterChange" => Change.QuantityAfterChange,
        "item" => new InventoryItemNode(Change.Item, Store),
        "location" => new LocationNode(Change.Location, Store),
        _ => null,
    };
}

internal sealed record ProductSetPayloadNode(ProductSetResult Result, bool Synchronous, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductSetPayload";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "product" => Synchronous && Result.Product is { } product ? new ProductNode(product, Store) : null,
        "productSetOperation" => Synchronous ? null : new ProductSetOperationNode(Result, Store),
        "userErrors" => Synchronous ? UserErrorNode.List("ProductSetUserError", Result.Errors) : new List<IGraphNode>(),
        _ => null,
    };
}

/// <summary>An asynchronous productSet: the sandbox applies it at once and reports the operation complete.</summary>
internal sealed record ProductSetOperationNode(ProductSetResult Result, ShopifyStore Store) : IGraphNode
{
    public string TypeName => "ProductSetOperation";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => $"gid://shopify/ProductSetOperation/{Result.GetHashCode() & int.MaxValue}",
        "status" => "COMPLETE",
        "product" => Result.Product is { } product ? new ProductNode(product, Store) : null,
        "userErrors" => UserErrorNode.List("ProductSetUserError", Result.Errors),
        _ => null,
    };
}

internal sealed record UserErrorNode(string TypeName, UserError Error) : IGraphNode
{
    public static List<IGraphNode> List(string typeName, IEnumerable<UserError> errors) => errors.Select(e => (IGraphNode)new UserErrorNode(typeName, e)).ToList();

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "field" => Error.Field,
        "message" => Error.Message,
        "code" => Error.Code,
        _ => null,
    };
}
