using ErpBridge.Connectors;
using ErpBridge.Connectors.WooCommerce;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;

namespace ErpBridge.Tests.Connectors.WooCommerce;

/// <summary>Reads a shop's stock page by page through <see cref="IStockReader"/>, as the reconciliation engine does.</summary>
internal static class WooCommerceStockReads
{
    public static WooCommerceConnector Connect(ChannelOptions channel, WooCommerceConnectorOptions? options = null) =>
        (WooCommerceConnector)new WooCommerceConnectorFactory(options).Create("woo-test", channel);

    /// <summary>
    /// Pages from <paramref name="token"/> until the last page or <paramref name="maxPages"/>; fails the test on a failure.
    /// Returns the levels, and the token to continue from (null when the read is complete).
    /// </summary>
    public static async Task<(List<StockLevel> Levels, string? Token, int Pages)> ReadAsync(IStockReader reader, int pageSize, string? token = null, int maxPages = int.MaxValue)
    {
        var levels = new List<StockLevel>();
        var pages = 0;
        do
        {
            var result = await reader.ReadStockAsync(new StockQuery(token, pageSize), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, () => $"page {pages + 1} from token '{token}': {Describe(result.Failure)}");
            levels.AddRange(result.Page!.Levels);
            token = result.Page.NextPageToken;
            pages++;
        }
        while (token is not null && pages < maxPages);

        return (levels, token, pages);
    }

    public static string Describe(DeliveryOutcome? outcome) => outcome switch
    {
        DeliveryOutcome.PermanentFailure p => "permanent: " + p.Reason,
        DeliveryOutcome.TransientFailure t => "transient: " + t.Reason,
        null => "none",
        _ => outcome.ToString() ?? "",
    };
}
