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
}
