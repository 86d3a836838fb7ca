using ErpBridge.Connectors;
using ErpBridge.Core.Orders;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Orders;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders;

/// <summary>
/// One poll of one channel: reads every order changed since the stored cursor (minus the overlap window), page by
/// page, maps each to a canonical order and stores the page, and only then moves the cursor. A crash anywhere before
/// the cursor is saved means the next poll reads the same orders again, and the store recognises them.
/// </summary>
public sealed class OrderPoller(
    ConnectorRegistry connectors,
    IOrderStore store,
    XsltMapEngine maps,
    CanonicalOrders canonical,
    OrdersOptions options,
    TimeProvider time,
    ILogger<OrderPoller> logger,
    OrderForwarder? forwarder = null,
    OrderShipmentLedger? shipments = null)
{
    /// <summary>The channels whose connector can read orders and that polling is not turned off for.</summary>
    public IReadOnlyList<string> PollableChannels() =>
        connectors.DeliverableChannels().Where(c => options.For(c).Enabled && connectors.For(c) is IOrderSource).ToList();

    public async Task<PollResult> PollAsync(string channel, CancellationToken cancellationToken)
    {
        if (connectors.For(channel) is not IOrderSource source)
        {
            throw new InvalidOperationException($"Channel '{channel}': its connector cannot read orders.");
        }

        var platform = connectors.PlatformOf(channel);
        var handover = options.For(channel).Handover;
        var startedAt = time.GetUtcNow();
        var cursor = await store.GetCursorAsync(channel, cancellationToken) ?? startedAt - options.InitialLookback;
        var since = cursor - options.Overlap;
        var newest = cursor;
        DateTimeOffset? heldAt = null;
        var totals = new OrderUpsertSummary(0, 0, 0);
        var invalid = 0;
        var pages = 0;
        string? token = null;
        do
        {
            var result = await source.ReadOrdersAsync(new OrderQuery(since, token, options.PageSize), cancellationToken);
            if (result.Failure is { } failure)
            {
                var reason = failure.Describe();
                logger.LogWarning("Channel {Channel}: reading orders failed after {Pages} pages ({Reason}); the cursor stays at {Cursor:O} and the next poll reads again", channel, pages, reason, cursor);
                return new PollResult(channel, pages, totals, invalid, cursor, reason);
            }

            var page = result.Page!;
            var revisions = new List<OrderRevision>(page.Orders.Count);
            foreach (var order in page.Orders)
            {
                if (Map(channel, platform, order) is { } revision)
                {
                    revisions.Add(revision);
                }
                else
                {
                    invalid++;
                    heldAt = heldAt is { } held && held <= order.UpdatedAt ? held : order.UpdatedAt;
                }

                if (order.UpdatedAt > newest)
                {
                    newest = order.UpdatedAt;
                }
            }

            // Forwarded before the page is stored: a crash in between reads the orders again, and their messages are
            // then duplicates, so an order is never stored without having been forwarded. Where orders go to shipping,
            // the shipments the bridge recorded on an order stay in its new revisions.
            if (forwarder is { Enabled: true })
            {
                if (shipments is not null)
                {
                    revisions = [.. await shipments.CarryOverAsync(revisions, cancellationToken)];
                }

                await forwarder.ForwardAsync(revisions, cancellationToken);
            }

            var stored = await store.UpsertAsync(revisions, handover, time.GetUtcNow(), cancellationToken);
            totals = new OrderUpsertSummary(totals.Created + stored.Created, totals.Changed + stored.Changed, totals.Unchanged + stored.Unchanged);
            pages++;
            token = page.NextPageToken;
            if (token is not null && pages % 10 == 0)
            {
                logger.LogInformation("Channel {Channel}: {Pages} pages of orders read so far ({Created} new, {Changed} changed)", channel, pages, totals.Created, totals.Changed);
            }
        }
        while (token is not null);

        // An order that does not map holds the cursor at its time, so that it is read again (and again reported)
        // until the map or the order is fixed: it is never skipped.
        var next = heldAt is { } hold && hold < newest ? (hold > cursor ? hold : cursor) : newest;
        await store.SaveCursorAsync(channel, next, startedAt, cancellationToken);
        if (totals.Created + totals.Changed > 0 || invalid > 0)
        {
            logger.LogInformation(
                "Channel {Channel}: {Created} new and {Changed} changed orders stored, {Unchanged} unchanged, {Invalid} not mapped; cursor {Cursor:O}",
                channel, totals.Created, totals.Changed, totals.Unchanged, invalid, next);
        }

        return new PollResult(channel, pages, totals, invalid, next, null);
    }

    private OrderRevision? Map(string channel, string platform, PlatformOrder order)
    {
        try
        {
            var document = OrderMap.Render(maps, platform, channel, order.Json);
            var errors = canonical.Validate(document);
            if (errors.Count > 0)
            {
                logger.LogError("Channel {Channel}: order {OrderNumber} (id {PlatformOrderId}) maps to an invalid order: {Error}", channel, order.OrderNumber, order.PlatformOrderId, errors[0]);
                return null;
            }

            return CanonicalOrders.Revision(channel, order, document);
        }
        catch (Exception ex) when (ex is MapException or JsonXmlException)
        {
            logger.LogError("Channel {Channel}: order {OrderNumber} (id {PlatformOrderId}) does not map: {Error}", channel, order.OrderNumber, order.PlatformOrderId, ex.Message);
            return null;
        }
    }
}

/// <param name="Error">Why the poll stopped early; null when it read every page.</param>
public sealed record PollResult(string Channel, int Pages, OrderUpsertSummary Stored, int Invalid, DateTimeOffset Cursor, string? Error);
