namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    public override string SaveOrderCursor =>
        """
        INSERT INTO order_cursors (channel, changed_since, polled_at) VALUES (@Channel, @ChangedSince, @Now)
        ON CONFLICT (channel) DO UPDATE SET changed_since = excluded.changed_since, polled_at = excluded.polled_at
        """;

    // An order not stored yet has no row to lock: a transaction-scoped advisory lock on its id is taken first, as a
    // statement of its own. Taken inside the look-up, the look-up would read the snapshot from before its wait and miss
    // the order another node inserted meanwhile, then fail on the primary key.
    public override string LockOrderForUpsert => "SELECT pg_advisory_xact_lock(hashtextextended('erpbridge-order:' || @OrderId, 0))";

    // The order row stays locked until the upsert commits.
    public override string SelectOrderForUpsert =>
        """
        SELECT content_hash AS ContentHash, platform_updated_at AS PlatformUpdatedAt
        FROM orders WHERE order_id = @OrderId
        FOR UPDATE
        """;

    public override string SelectOrderForAcknowledge =>
        """
        SELECT revision AS Revision, fetched_revision AS FetchedRevision, acknowledged_revision AS AcknowledgedRevision,
               erp_document_number AS ErpDocumentNumber
        FROM orders WHERE order_id = @OrderId
        FOR UPDATE
        """;

    // SKIP LOCKED passes over rows another caller holds; the row locks keep the chosen ones from being handed out twice.
    public override string FetchOrders =>
        $"""
        WITH due AS (
            SELECT order_id AS due_id FROM orders
            WHERE handover = 'Pull' AND (@Channel IS NULL OR channel = @Channel)
              AND (state = 'Pending' OR (state = 'Fetched' AND visible_at <= @Now))
            ORDER BY changed_at, order_id LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        UPDATE orders SET state = 'Fetched', visible_at = @Until, fetched_revision = revision
        FROM due WHERE order_id = due.due_id
        RETURNING {PendingOrderColumns}
        """;

    public override string ClaimOrderPushes =>
        $"""
        WITH due AS (
            SELECT order_id AS due_id FROM orders
            WHERE handover = 'Push' AND channel = @Channel
              AND ((state = 'Pending' AND next_push_at <= @Now) OR (state = 'Pushing' AND visible_at <= @Now))
            ORDER BY changed_at, order_id LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        UPDATE orders SET state = 'Pushing', visible_at = @Until
        FROM due WHERE order_id = due.due_id
        RETURNING {PendingOrderColumns}
        """;

    public override string ListOrders =>
        $"""
        SELECT {OrderViewColumns} FROM orders
        WHERE (@Channel IS NULL OR channel = @Channel) AND (@State IS NULL OR state = @State)
        ORDER BY changed_at DESC, order_id LIMIT @Limit
        """;

    // The cancelled flag is a boolean column here (0/1 elsewhere), as the store binds it.
    protected override string IsSet(string column) => column;
}
