namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    public override string RecordDeliveryItems =>
        """
        DELETE FROM delivery_items
        WHERE delivery_id IN (SELECT d.delivery_id FROM json_each(@Settled) AS s JOIN deliveries AS d ON d.delivery_id = s.value
                              WHERE d.status = 'InProgress' AND d.claimed_by = @Worker)
          AND (state = 'Resend' OR NOT EXISTS (SELECT 1 FROM delivery_items AS r WHERE r.delivery_id = delivery_items.delivery_id AND r.state = 'Resend'));
        INSERT INTO delivery_items (delivery_id, channel, item_key, state, reason, at)
        SELECT d.delivery_id, d.channel, r.value ->> 'k', r.value ->> 's', r.value ->> 'r', @Now
        FROM json_each(@Rows) AS r JOIN deliveries AS d ON d.delivery_id = r.value ->> 'd'
        WHERE d.status = 'InProgress' AND d.claimed_by = @Worker
        ON CONFLICT (delivery_id, item_key) DO UPDATE SET state = excluded.state, reason = excluded.reason, at = excluded.at;
        """;

}
