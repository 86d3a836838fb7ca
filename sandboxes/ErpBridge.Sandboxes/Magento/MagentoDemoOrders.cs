namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// The orders a demo sandbox starts with, made from its catalog's SKUs so that the order poller finds lines the ERP
/// knows: one of each kind the order map has to handle (paid with tax, discount and a configurable line; a guest
/// order awaiting payment that ships to another address; a cancelled order).
/// </summary>
internal static class MagentoDemoOrders
{
    public static IReadOnlyList<MagentoOrderSeed> For(IReadOnlyList<string> skus)
    {
        string Sku(int index) => skus[index % skus.Count];

        return
        [
            new MagentoOrderSeed("000000101",
            [
                new MagentoOrderLineSeed(Sku(0), 2, 24.90m) { Discount = 4.98m, TaxPercent = 19m },
                new MagentoOrderLineSeed(Sku(1), 1, 39.00m) { ConfigurableName = "Demo Hoodie", Name = "Demo Hoodie - M", TaxPercent = 19m },
            ])
            {
                ShippingTaxPercent = 19m,
                CustomerNote = "Please leave the parcel with the neighbour.",
            },
            new MagentoOrderSeed("000000102", [new MagentoOrderLineSeed(Sku(2), 3, 9.50m) { TaxPercent = 7m }])
            {
                State = "new",
                Paid = false,
                Customer = new MagentoCustomer("guest.buyer@example.org", "Max", "Mustermann", null),
                ShippingAddress = new MagentoAddress("Erika", "Mustermann", ["Am Markt 5", "Hinterhaus"], "München", "80331", "DE", "+49 89 7654321")
                {
                    Company = "Muster GmbH",
                    Region = "Bayern",
                    RegionCode = "BY",
                },
            },
            new MagentoOrderSeed("000000103", [new MagentoOrderLineSeed(Sku(0), 1, 24.90m) { TaxPercent = 19m }])
            {
                State = "canceled",
                Paid = false,
                Customer = new MagentoCustomer("john.smith@example.com", "John", "Smith", 2),
            },
        ];
    }
}
