namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// The orders a fresh sandbox starts with, so that a poller has something to read: a paid EU order with prices
/// including VAT, a discount and shipping; an authorised US order with tax on top, a custom line without SKU and a
/// separate shipping address; a guest order awaiting payment; and a cancelled, refunded one. They are numbered from
/// 9001 so that they never clash with orders a test or demo seeds (usually from 1001), and use the catalogue's SKUs.
/// </summary>
internal static class ShopifyDemoOrders
{
    public const int FirstNumber = 9001;

    public static IReadOnlyList<ShopifyOrderSeed> Create(IReadOnlyList<string> skus, int count)
    {
        string Sku(int i) => skus.Count == 0 ? $"DEMO-{i + 1}" : skus[i % skus.Count];
        var anna = new ShopifyOrderAddress { FirstName = "Anna", LastName = "Schmidt", Address1 = "Hauptstraße 5", City = "Berlin", Zip = "10115", CountryCode = "DE", Phone = "+49 30 1234567" };
        var orders = new List<ShopifyOrderSeed>
        {
            new(Number(0), [new(Sku(0), $"Product {Sku(0)}", 2, 24.90m, 0, 0.19m), new(Sku(1), $"Product {Sku(1)}", 1, 49.00m, 4.90m, 0.19m)])
            {
                TaxesIncluded = true,
                Customer = new ShopifyOrderCustomer("anna.schmidt@example.com", "Anna", "Schmidt", "+49 30 1234567"),
                BillingAddress = anna,
                ShippingAddress = anna,
                ShippingMethod = "DHL Paket",
                ShippingPrice = 4.90m,
                ShippingTaxRate = 0.19m,
            },
            new(Number(1), [new(Sku(2), $"Product {Sku(2)}", 3, 15.00m, 0, 0.08875m), new(null, "Gift wrapping", 1, 5.00m)])
            {
                Currency = "USD",
                FinancialStatus = "AUTHORIZED",
                Customer = new ShopifyOrderCustomer("john.miller@example.com", "John", "Miller"),
                BillingAddress = new ShopifyOrderAddress { FirstName = "John", LastName = "Miller", Company = "Miller & Sons", Address1 = "350 5th Ave", Address2 = "Suite 1200", City = "New York", Province = "New York", Zip = "10118", CountryCode = "US" },
                ShippingAddress = new ShopifyOrderAddress { FirstName = "Emma", LastName = "Miller", Address1 = "12 Oak Street", City = "Albany", Province = "New York", Zip = "12207", CountryCode = "US", Phone = "+1 518 555 0199" },
                ShippingMethod = "UPS Ground",
                ShippingPrice = 9.95m,
                Note = "Please leave at the back door.",
            },
            new(Number(2), [new(Sku(3), $"Product {Sku(3)}", 1, 120.00m, 0, 0.20m)])
            {
                Currency = "GBP",
                TaxesIncluded = true,
                FinancialStatus = "PENDING",
                Email = "guest.buyer@example.co.uk",
                ShippingAddress = new ShopifyOrderAddress { FirstName = "Sam", LastName = "Taylor", Address1 = "1 King's Road", City = "London", Zip = "SW3 4RP", CountryCode = "GB" },
                ShippingMethod = "Royal Mail",
                ShippingPrice = 3.50m,
                ShippingTaxRate = 0.20m,
            },
            new(Number(3), [new(Sku(4), $"Product {Sku(4)}", 1, 80.00m, 8.00m, 0.19m)])
            {
                TaxesIncluded = true,
                Customer = new ShopifyOrderCustomer("lukas.weber@example.com", "Lukas", "Weber"),
                BillingAddress = new ShopifyOrderAddress { FirstName = "Lukas", LastName = "Weber", Address1 = "Ringstraße 12", City = "München", Zip = "80331", CountryCode = "DE" },
                ShippingMethod = "DHL Paket",
                ShippingPrice = 0m,
            },
        };
        return orders.Take(Math.Clamp(count, 0, orders.Count)).ToList();
    }

    /// <summary>Which demo orders start cancelled (with a refund).</summary>
    public static bool StartsCancelled(ShopifyOrderSeed seed) => seed.OrderNumber == Number(3);

    private static string Number(int index) => (FirstNumber + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
