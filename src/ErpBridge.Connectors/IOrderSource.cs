using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>
/// A store the bridge polls for new and changed orders. Implemented by the platform's connector, so that polling
/// shares the channel's HTTP client, credentials and rate-limit pacing with delivery. Safe to call from several
/// threads at once. Never throws for platform behaviour: failures come back as <see cref="OrderReadResult.Failure"/>.
/// </summary>
public interface IOrderSource
{
    /// <summary>
    /// One page of the orders changed at or after <see cref="OrderQuery.ChangedSince"/>, oldest change first.
    /// The first page is asked for with no <see cref="OrderQuery.PageToken"/>; each next one with the token the
    /// previous page returned, until a page returns none. Each order is complete: its lines and addresses are part
    /// of <see cref="PlatformOrder.Json"/> even where the platform serves them from separate resources.
    /// </summary>
    Task<OrderReadResult> ReadOrdersAsync(OrderQuery query, CancellationToken cancellationToken);
}

/// <param name="ChangedSince">Orders updated at or after this instant (the poller already subtracted its overlap window).</param>
/// <param name="PageToken">Null for the first page; otherwise what the previous page returned (a page number, a cursor).</param>
/// <param name="PageSize">Wanted orders per page; the connector caps it at the platform's maximum.</param>
public sealed record OrderQuery(DateTimeOffset ChangedSince, string? PageToken, int PageSize);

/// <param name="Orders">This page's orders, oldest change first.</param>
/// <param name="NextPageToken">Null when this is the last page.</param>
public sealed record OrderPage(IReadOnlyList<PlatformOrder> Orders, string? NextPageToken);

/// <param name="PlatformOrderId">The platform's id (Shopify: the numeric part of the Order GID).</param>
/// <param name="OrderNumber">The number the store shows (Shopify name without '#', Magento increment id).</param>
/// <param name="UpdatedAt">The platform's last-modified time of the order, in UTC.</param>
/// <param name="Json">
/// The order as one JSON object, the input of the channel's order map (xslt/orders/{platform}.xslt) after rendering
/// as JSON-as-XML. It is the platform's own order object; where the platform serves line items or addresses from
/// sub-resources, the connector puts them into it under the names the map documents.
/// </param>
public sealed record PlatformOrder(string PlatformOrderId, string OrderNumber, DateTimeOffset UpdatedAt, string Json);

/// <summary>Either a page, or why there is none: a <see cref="DeliveryOutcome.TransientFailure"/> (429, 5xx,
/// timeouts; Retry-After kept) or a <see cref="DeliveryOutcome.PermanentFailure"/> (bad credentials, bad request).</summary>
public sealed record OrderReadResult(OrderPage? Page, DeliveryOutcome? Failure)
{
    public static OrderReadResult Of(OrderPage page) => new(page, null);

    public static OrderReadResult Failed(DeliveryOutcome failure) => new(null, failure);
}
