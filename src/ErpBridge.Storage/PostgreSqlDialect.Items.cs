namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    // The rows are one per delivery and key (the store drops repeats before it writes): ON CONFLICT refuses to update
    // a row twice in one statement.
    public override string RecordDeliveryItems =>
        $"""
        DELETE FROM delivery_items AS i
        WHERE i.delivery_id IN (SELECT d.delivery_id FROM {JsonValues("@Settled")} JOIN deliveries AS d ON d.delivery_id = CAST(v.value AS bigint)
                                WHERE d.status = 'InProgress' AND d.claimed_by = @Worker)
          AND (i.state = 'Resend' OR NOT EXISTS (SELECT 1 FROM delivery_items AS r WHERE r.delivery_id = i.delivery_id AND r.state = 'Resend'));
        INSERT INTO delivery_items (delivery_id, channel, item_key, state, reason, at)
        SELECT d.delivery_id, d.channel, j.value ->> 'k', j.value ->> 's', j.value ->> 'r', @Now
        FROM {JsonRows("@Rows")} JOIN deliveries AS d ON d.delivery_id = CAST(j.value ->> 'd' AS bigint)
        WHERE d.status = 'InProgress' AND d.claimed_by = @Worker
        ON CONFLICT (delivery_id, item_key) DO UPDATE SET state = excluded.state, reason = excluded.reason, at = excluded.at;
        """;

}
