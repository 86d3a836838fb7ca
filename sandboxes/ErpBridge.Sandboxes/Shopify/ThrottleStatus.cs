namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The bucket as reported in <c>extensions.cost.throttleStatus</c>.</summary>
internal readonly record struct ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);
