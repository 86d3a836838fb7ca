namespace ErpBridge.Connectors.BigCommerce;

/// <summary>The reference kinds a BigCommerce plan may ask for, and how a missing one is reported.</summary>
internal static class BigCommerceReferenceKinds
{
    /// <summary>Product id by SKU (the product whose base variant, or one of whose variants, has the SKU).</summary>
    public const string Product = "product";

    /// <summary>Variant id by SKU.</summary>
    public const string Variant = "variant";

    /// <summary>Inventory location id by ERP location code.</summary>
    public const string Location = "location";

    public static bool IsKnown(string kind) => kind is Product or Variant or Location;

    public static string NotFound(ReferenceKey reference, string channel) => reference.Kind switch
    {
        Product => $"SKU '{reference.Key}' has no product on channel '{channel}'",
        Variant => $"SKU '{reference.Key}' has no variant on channel '{channel}'",
        Location => $"ERP location '{reference.Key}' has no location on channel '{channel}' (not mapped in the channel's Locations, and no BigCommerce location has that code)",
        _ => $"reference kind '{reference.Kind}' (key '{reference.Key}') is not one the BigCommerce connector resolves (product, variant, location)",
    };
}
