namespace ErpBridge.Sandboxes.Shopify;

internal sealed record FulfillmentCreateResult(FulfillmentEntity? Fulfillment, IReadOnlyList<UserError> Errors);
