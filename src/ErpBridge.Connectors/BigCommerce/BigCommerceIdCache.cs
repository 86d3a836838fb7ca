namespace ErpBridge.Connectors.BigCommerce;

/// <summary>Platform ids by (kind, key) for one BigCommerce channel.</summary>
internal sealed class BigCommerceIdCache(TimeProvider time, TimeSpan foundTtl, TimeSpan missingTtl)
    : ExpiringIdCache<ReferenceKey, string>(time, foundTtl, missingTtl);
