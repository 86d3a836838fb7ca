namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The orders a fresh sandbox holds, one of each kind the order map tells apart: a paid order with tax, discount and
/// shipping; a guest order awaiting payment shipped to another address, with a custom line; an order completed since;
/// and an order cancelled since. Created over the last days before start.
/// </summary>
internal static class BigCommerceDemoOrders
{
    /// <param name="skus">The demo catalog's SKUs, used in turn; none gives no demo orders.</param>
    public static IReadOnlyList<(SandboxOrderSeed Seed, int? Then)> Create(IList<string> skus, DateTimeOffset now)
    {
        if (skus.Count == 0)
        {
            return [];
        }

        string Sku(int index) => skus[index % skus.Count];
        var grace = new SandboxAddress("Grace", "Hopper", "12 Harbor Rd", "Arlington", "22201", "US")
        {
            State = "Virginia",
            Country = "United States",
            Email = "grace@example.com",
        };
        return
        [
            (new SandboxOrderSeed(100, [
                new SandboxOrderLineSeed(Sku(0), 2, 24.50m) { TaxRate = 0.0825m, Discount = 4.90m },
                new SandboxOrderLineSeed(Sku(1), 1, 120m) { TaxRate = 0.0825m },
            ])
            {
                ShippingCost = 9.95m,
                CustomerMessage = "Please leave at the back door.",
                CreatedAt = now.AddDays(-3),
            }, null),
            (new SandboxOrderSeed(101, [
                new SandboxOrderLineSeed(Sku(2), 3, 15m),
                new SandboxOrderLineSeed("", 1, 5m) { Name = "Gift wrapping" },
            ])
            {
                CustomerId = 0,
                StatusId = BigCommerceOrderStatuses.AwaitingPayment,
                PaymentStatus = "pending",
                PaymentMethod = "Bank Deposit",
                BillingAddress = grace,
                ShippingAddress = new SandboxAddress("Alan", "Turing", "2 Bletchley Ln", "Boston", "02108", "US") { State = "Massachusetts", Country = "United States" },
                ShippingMethod = "Free Shipping",
                CreatedAt = now.AddDays(-2),
            }, null),
            (new SandboxOrderSeed(102, [new SandboxOrderLineSeed(Sku(0), 1, 24.50m) { TaxRate = 0.0825m }])
            {
                ShippingCost = 5m,
                CreatedAt = now.AddDays(-1),
            }, BigCommerceOrderStatuses.Completed),
            (new SandboxOrderSeed(103, [new SandboxOrderLineSeed(Sku(1), 2, 120m)])
            {
                CreatedAt = now.AddHours(-2),
            }, BigCommerceOrderStatuses.Cancelled),
        ];
    }
}
