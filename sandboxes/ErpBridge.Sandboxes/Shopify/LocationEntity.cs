namespace ErpBridge.Sandboxes.Shopify;

/// <summary>The sandbox's mutable records. Only touched under <see cref="ShopifyStore.Gate"/>.</summary>
internal sealed class LocationEntity(long number, string name)
{
    public long Number { get; } = number;

    public string Id => $"gid://shopify/Location/{Number}";

    public string Name { get; } = name;

    public bool IsActive { get; set; } = true;
}
