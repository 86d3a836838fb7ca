using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Canonical messages, turned into request plans by the shipped WooCommerce outbound maps for channel "woo-test".</summary>
internal static class WooCommerceMessages
{
    private const string Channel = "woo-test";

    public sealed record StockLine(string Sku, int Quantity, string Location = WooCommerceTestStore.StockLocation);

    public static RequestPlan Stock(string messageId, params StockLine[] lines) => RepositoryMaps.Plan("outbound/woocommerce/Inventory",
        CanonicalMessages.Inventory(Header(messageId), lines.Select(l => (l.Sku, l.Location, l.Quantity))), Channel, messageId);

    public static RequestPlan Products(string messageId, params CanonicalProduct[] products) => RepositoryMaps.Plan("outbound/woocommerce/Products",
        CanonicalMessages.Products(Header(messageId), products), Channel, messageId);

    private static MessageHeader Header(string messageId) => new(messageId, "2026-11-25T09:00:00Z", "SAP-TEST");
}
