namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The result of <c>inventorySetQuantities</c>: the adjustment group, or the user errors (nothing changed).</summary>
internal sealed record SetQuantitiesResult(AdjustmentGroup? Group, IReadOnlyList<UserError> Errors);
