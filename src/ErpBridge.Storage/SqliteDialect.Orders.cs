namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    public override string SaveOrderCursor =>
        """
        INSERT INTO order_cursors (channel, changed_since, polled_at) VALUES (@Channel, @ChangedSince, @Now)
        ON CONFLICT (channel) DO UPDATE SET changed_since = excluded.changed_since, polled_at = excluded.polled_at
        """;

    public override string FetchOrders =>
        $"""
        UPDATE orders SET state = 'Fetched', visible_at = @Until, fetched_revision = revision
        WHERE order_id IN (
            SELECT order_id FROM orders
            WHERE handover = 'Pull' AND (@Channel IS NULL OR channel = @Channel)
              AND (state = 'Pending' OR (state = 'Fetched' AND visible_at <= @Now))
            ORDER BY changed_at, order_id LIMIT @Max)
        RETURNING {PendingOrderColumns}
        """;

    public override string ClaimOrderPushes =>
        $"""
        UPDATE orders SET state = 'Pushing', visible_at = @Until
        WHERE order_id IN (
            SELECT order_id FROM orders
            WHERE handover = 'Push' AND channel = @Channel
              AND ((state = 'Pending' AND next_push_at <= @Now) OR (state = 'Pushing' AND visible_at <= @Now))
            ORDER BY changed_at, order_id LIMIT @Max)
        RETURNING {PendingOrderColumns}
        """;

    public override string ListOrders =>
        $"""
        SELECT {OrderViewColumns} FROM orders
        WHERE (@Channel IS NULL OR channel = @Channel) AND (@State IS NULL OR state = @State)
        ORDER BY changed_at DESC, order_id LIMIT @Limit
        """;
}
