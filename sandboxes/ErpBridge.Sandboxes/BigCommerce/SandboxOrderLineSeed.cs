namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>An order line to seed. An empty <see cref="Sku"/> makes a custom product (not from the catalog).</summary>
public sealed record SandboxOrderLineSeed(string Sku, int Quantity, decimal Price = 10m)
{
    /// <summary>Null: "Product {Sku}".</summary>
    public string? Name { get; init; }

    public decimal TaxRate { get; init; }

    /// <summary>Discount on the whole line.</summary>
    public decimal Discount { get; init; }
}
