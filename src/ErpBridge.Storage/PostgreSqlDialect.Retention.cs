namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    // NOT EXISTS rather than NOT IN: PostgreSQL plans it as an anti-join whatever the size of item_versions.
    public override string SelectDeliveredMessages =>
        $"""
        SELECT m.message_id AS "MessageId", m.received_at AS "ReceivedAt" FROM messages AS m
        WHERE m.received_at >= @AfterAt AND (m.received_at > @AfterAt OR m.message_id > @AfterId)
          AND {DeliveredMessage("m")}
          AND NOT EXISTS (SELECT 1 FROM item_versions AS v WHERE v.message_id = m.message_id)
        ORDER BY m.received_at, m.message_id LIMIT @Max
        """;

    public override string PurgeAcknowledgedOrders =>
        $"DELETE FROM orders WHERE order_id IN (SELECT order_id FROM orders WHERE {AcknowledgedOrder} ORDER BY changed_at LIMIT @Max)";

    public override string PurgeSentIdocAudits =>
        $"DELETE FROM idoc_audits WHERE message_id IN (SELECT message_id FROM idoc_audits WHERE {SentIdocAudit} ORDER BY created_at LIMIT @Max)";

    public override string PurgeRunLevels =>
        $"""
        DELETE FROM reconciliation_levels
        WHERE run_id = @RunId AND (side, item_key) IN (SELECT side, item_key FROM reconciliation_levels WHERE run_id = @RunId LIMIT @Max)
          AND {IsOldRun}
        """;

    public override string PurgeRunItems =>
        $"""
        DELETE FROM reconciliation_items
        WHERE run_id = @RunId AND item_key IN (SELECT item_key FROM reconciliation_items WHERE run_id = @RunId LIMIT @Max)
          AND {IsOldRun}
        """;
}
