namespace ErpBridge.Connectors.WooCommerce;

/// <summary>What a SKU names on the store: a product (<see cref="ParentId"/> 0) or a variation of product <see cref="ParentId"/>.</summary>
internal sealed record WooCommerceCatalogItem(long Id, long ParentId)
{
    public bool IsVariation => ParentId != 0;
}
