using ErpBridge.Connectors;
using ErpBridge.Sandboxes.Shopify;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Orders to seed in the sandbox and helpers to read every page of them through a connector.</summary>
public static class ShopifyOrders
{
    /// <summary>A paid EU order with prices including VAT, a line discount and shipping, from a customer account.</summary>
    public static ShopifyOrderSeed PaidWithTaxDiscountAndShipping(string number) =>
        new(number, [new("SKU-1", "Blue Widget", 2, 24.90m, 0, 0.19m), new("SKU-2", "Red Widget", 1, 49.00m, 4.90m, 0.19m)])
        {
            TaxesIncluded = true,
            Customer = new ShopifyOrderCustomer("anna@example.com", "Anna", "Schmidt", "+49 30 1234567"),
            BillingAddress = new ShopifyOrderAddress { FirstName = "Anna", LastName = "Schmidt", Address1 = "Hauptstraße 5", City = "Berlin", Zip = "10115", CountryCode = "DE" },
            ShippingAddress = new ShopifyOrderAddress { FirstName = "Anna", LastName = "Schmidt", Address1 = "Hauptstraße 5", City = "Berlin", Zip = "10115", CountryCode = "DE" },
            ShippingMethod = "DHL Paket",
            ShippingPrice = 4.90m,
            ShippingTaxRate = 0.19m,
            Note = "Ring twice",
        };

    /// <summary>A small order with one line of <paramref name="lines"/> SKUs SKU-1.. each, tax on top.</summary>
    public static ShopifyOrderSeed Simple(string number, int lines = 1) =>
        new(number, Enumerable.Range(1, lines).Select(i => new ShopifyOrderSeedLine($"SKU-{i}", $"Item {i}", i, 10m + i, 0, 0.1m)).ToList())
        {
            Currency = "USD",
            Email = $"buyer{number}@example.com",
            ShippingMethod = "Ground",
            ShippingPrice = 5m,
        };

    /// <summary>Every page from the first, following the tokens; fails the test on a failure.</summary>
    public static async Task<List<OrderPage>> ReadAllAsync(IOrderSource source, DateTimeOffset since, int pageSize)
    {
        var pages = new List<OrderPage>();
        string? token = null;
        do
        {
            var result = await source.ReadOrdersAsync(new OrderQuery(since, token, pageSize), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            pages.Add(result.Page!);
            token = result.Page!.NextPageToken;
            Assert.That(pages, Has.Count.LessThan(100), "the pages never end");
        }
        while (token is not null);

        return pages;
    }
}
