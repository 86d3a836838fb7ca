namespace ErpBridge.Sandboxes.Shopify.GraphQL;

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
            case "productVariantsBulkUpdate":
                var updated = store.VariantsBulkUpdate(call.Argument<string>("productId")!, call.Argument<List<object?>>("variants")!, call.Argument<bool?>("allowPartialUpdates") ?? false);
                store.Record(call.Name, null, arguments, updated.Errors.Count == 0 ? "applied" : $"rejected: {updated.Errors[0].Code}");
                return new ProductVariantsBulkUpdatePayloadNode(updated, store);
            case "productUpdate":
                var changed = store.ProductUpdate(call.Argument<Dictionary<string, object?>>("product"));
                store.Record(call.Name, null, arguments, changed.Errors.Count == 0 ? "applied" : $"rejected: {changed.Errors[0].Message}");
                return new ProductUpdatePayloadNode(changed, store);
            case "fulfillmentCreate":
                var created = store.FulfillmentCreate(call.Argument<Dictionary<string, object?>>("fulfillment")!, call.Argument<string>("message"));
                store.Record(call.Name, null, arguments, created.Fulfillment is { } fulfillment ? $"created {fulfillment.Id}" : $"rejected: {created.Errors[0].Message}");
                return new FulfillmentCreatePayloadNode(created);
            case "bulkOperationRunQuery":
                var run = store.BulkOperations.Run(call.Argument<string>("query")!);
                store.Record(call.Name, null, arguments, run.Operation is { } started ? $"started {started.Id}" : $"rejected: {run.Errors[0].Code}");
                return new BulkOperationRunQueryPayloadNode(run, store.BulkOperations);
            default:
                return null;
        }
    }
}
