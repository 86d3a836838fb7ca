using ErpBridge.Connectors;

namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>Reads a store's stock page by page through <see cref="IStockReader"/>, as the reconciliation engine does.</summary>
internal static class BigCommerceStockReading
{
    public sealed record Read(List<StockLevel> Levels, int Pages, string? LastToken);

    /// <summary>Follows the page tokens from <paramref name="token"/> until the last page, or for <paramref name="maxPages"/> pages.</summary>
    public static async Task<Read> ReadAsync(IStockReader reader, int pageSize, string? token = null, int maxPages = int.MaxValue)
    {
        var levels = new List<StockLevel>();
        var pages = 0;
        do
        {
            var result = await reader.ReadStockAsync(new StockQuery(token, pageSize), CancellationToken.None);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            Assert.That(result.Page!.RetryAfter, Is.Null, "BigCommerce reads synchronously; no page is ever 'not ready'");
            levels.AddRange(result.Page.Levels);
            token = result.Page.NextPageToken;
            pages++;
        }
        while (token is not null && pages < maxPages);

        return new Read(levels, pages, token);
    }
}
