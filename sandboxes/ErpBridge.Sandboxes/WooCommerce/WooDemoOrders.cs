namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// The orders a fresh demo store starts with, made from its catalog's SKUs: a paid order with a coupon, tax and
/// shipping; an order shipped to another address with a custom line without SKU; a guest order on hold; and a
/// cancelled order.
/// </summary>
internal static class WooDemoOrders
{
    public static void Place(WooCommerceSandbox sandbox, IReadOnlyList<string> skus)
    {
        string Sku(int index) => skus[index % skus.Count];
        var now = sandbox.Options.TimeProvider.GetUtcNow();

        sandbox.SeedOrder([new WooOrderLineSeed(Sku(0), 2), new WooOrderLineSeed(Sku(1), 1)], new WooOrderDraft
        {
            Coupon = ("WELCOME10", 10m),
            CreatedAt = now.AddHours(-3),
            CustomerNote = "Please leave the parcel with the neighbour.",
        });
        sandbox.SeedOrder([new WooOrderLineSeed(Sku(2), 1), new WooOrderLineSeed("", 1, 15m, "Gift wrapping")], new WooOrderDraft
        {
            CustomerId = 12,
            Billing = new WooAddress("Jonas", "Weber", "Weber GmbH", "Industriestraße 12", "Halle 3", "Hamburg", "HH", "20095", "DE", "jonas.weber@example.com", "+49 40 555 0101"),
            Shipping = new WooAddress("Lena", "Weber", "", "Seestraße 4", "", "Kiel", "SH", "24103", "DE", "", ""),
            ShippingMethodTitle = "DHL Express",
            ShippingTotal = 9.90m,
            CreatedAt = now.AddHours(-2),
        });
        sandbox.SeedOrder([new WooOrderLineSeed(Sku(3), 3)], new WooOrderDraft
        {
            Status = "on-hold",
            CustomerId = 0,
            PaymentMethod = "bacs",
            PaymentMethodTitle = "Direct bank transfer",
            Billing = new WooAddress("Marie", "Dubois", "", "12 Rue de la Paix", "", "Paris", "", "75002", "FR", "marie.dubois@example.fr", ""),
            CreatedAt = now.AddHours(-1),
        });
        sandbox.SeedOrder([new WooOrderLineSeed(Sku(4), 1)], new WooOrderDraft { Status = "cancelled", CreatedAt = now.AddMinutes(-30) });
    }
}
