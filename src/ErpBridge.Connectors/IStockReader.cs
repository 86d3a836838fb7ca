using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>
/// A store whose current stock the bridge can read in bulk, for reconciliation. Implemented by the platform's
/// connector, so that reading shares the channel's HTTP client, credentials and rate-limit pacing. Never throws for
/// platform behaviour: failures come back as <see cref="StockReadResult.Failure"/>.
/// </summary>
public interface IStockReader
{
    /// <summary>
    /// One page of the store's stock levels, for every SKU the store has at every location it has. The first page is
    /// asked for with no <see cref="StockQuery.PageToken"/>; each next one with the token the previous page returned,
    /// until a page returns none. A token stays valid across a restart of the bridge (reconciliation resumes from it),
    /// at least for as long as the platform keeps what it refers to. A page may be empty with a token and a
    /// <see cref="StockPage.RetryAfter"/> (e.g. a Shopify bulk operation still running): ask again after that.
    /// </summary>
    Task<StockReadResult> ReadStockAsync(StockQuery query, CancellationToken cancellationToken);
}

/// <param name="PageToken">Null for the first page; otherwise what the previous page returned.</param>
/// <param name="PageSize">Wanted levels (or products) per page; the connector caps it at the platform's maximum.</param>
public sealed record StockQuery(string? PageToken, int PageSize);

/// <param name="Levels">This page's stock levels.</param>
/// <param name="NextPageToken">Null when this is the last page.</param>
/// <param name="RetryAfter">Set when the page is empty because the platform is still preparing the data.</param>
public sealed record StockPage(IReadOnlyList<StockLevel> Levels, string? NextPageToken, TimeSpan? RetryAfter = null);

/// <param name="Sku">The SKU as the store has it.</param>
/// <param name="Location">
/// The location as the ERP names it: the same code a SubmitInventory Item carries for it on this channel (the
/// channel's Locations mapping read backwards, else the platform's location name or code the connector matches ERP
/// codes against when delivering; WooCommerce: the channel's one configured location).
/// </param>
/// <param name="Quantity">The available quantity, the figure stock deliveries set.</param>
public sealed record StockLevel(string Sku, string Location, long Quantity);

/// <summary>Either a page, or why there is none (<see cref="DeliveryOutcome.TransientFailure"/> or <see cref="DeliveryOutcome.PermanentFailure"/>).</summary>
public sealed record StockReadResult(StockPage? Page, DeliveryOutcome? Failure)
{
    public static StockReadResult Of(StockPage page) => new(page, null);

    public static StockReadResult Failed(DeliveryOutcome failure) => new(null, failure);
}
