using ErpBridge.Connectors;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Helpers for reconciliation reads: reading every page, and stock messages through the committed Inventory map.</summary>
public static class ShopifyStock
{
    public const string MapName = "outbound/shopify/Inventory";

    /// <summary>The plan the Inventory map writes for a SubmitInventory message, with the delivery runner's parameters.</summary>
    public static RequestPlan Plan(string channel, string messageId, params (string Sku, string Location, int Quantity)[] items) =>
        RepositoryMaps.Plan(MapName, CanonicalMessages.Inventory(new MessageHeader(messageId, "2026-11-26T09:00:00Z", "SAP-ECC-PRD"), items), channel, messageId);

    /// <summary>What a run of reads returned: every level in order, the non-empty pages, and the token after the last page read.</summary>
    public sealed record Reading(List<StockLevel> Levels, List<StockPage> Pages, string? NextToken, int Polls);

    /// <summary>
    /// Reads from <paramref name="token"/> until the last page, or until <paramref name="maxDataPages"/> non-empty pages
    /// were read. Waits as told while the bulk query runs (or not at all with <paramref name="honourRetryAfter"/> off).
    /// Fails the test on a failure.
    /// </summary>
    public static async Task<Reading> ReadAsync(IStockReader reader, int pageSize, string? token = null, int maxDataPages = int.MaxValue, bool honourRetryAfter = true)
    {
        var levels = new List<StockLevel>();
        var pages = new List<StockPage>();
        var polls = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var result = await reader.ReadStockAsync(new StockQuery(token, pageSize), deadline.Token);
            Assert.That(result.Failure, Is.Null, result.Failure?.ToString());
            var page = result.Page!;
            token = page.NextPageToken;
            if (page.RetryAfter is { } wait)
            {
                Assert.That(page.Levels, Is.Empty, "a page telling to wait holds nothing");
                polls++;
                if (honourRetryAfter)
                {
                    await Task.Delay(wait, deadline.Token);
                }

                continue;
            }

            if (page.Levels.Count > 0)
            {
                pages.Add(page);
                levels.AddRange(page.Levels);
            }

            if (token is null || pages.Count >= maxDataPages)
            {
                return new Reading(levels, pages, token, polls);
            }
        }
    }
}
