namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    // The rows are one per delivery and key (the store drops repeats before it writes): MERGE refuses a key twice.
    public override string RecordDeliveryItems =>
        """
        DELETE i FROM dbo.delivery_items AS i
        JOIN dbo.deliveries AS d ON d.delivery_id = i.delivery_id
        WHERE d.delivery_id IN (SELECT CAST(s.[value] AS BIGINT) FROM OPENJSON(@Settled) AS s)
          AND d.status = N'InProgress' AND d.claimed_by = @Worker
          AND (i.state = N'Resend' OR NOT EXISTS (SELECT 1 FROM dbo.delivery_items AS r WHERE r.delivery_id = i.delivery_id AND r.state = N'Resend'));
        MERGE dbo.delivery_items WITH (HOLDLOCK) AS t
        USING (SELECT d.delivery_id, d.channel, j.k, j.s, j.r
               FROM OPENJSON(@Rows) WITH (d BIGINT '$.d', k NVARCHAR(400) '$.k', s NVARCHAR(16) '$.s', r NVARCHAR(MAX) '$.r') AS j
               JOIN dbo.deliveries AS d ON d.delivery_id = j.d
               WHERE d.status = N'InProgress' AND d.claimed_by = @Worker) AS src
        ON t.delivery_id = src.delivery_id AND t.item_key = src.k
        WHEN MATCHED THEN UPDATE SET state = src.s, reason = src.r, at = @Now
        WHEN NOT MATCHED THEN INSERT (delivery_id, channel, item_key, state, reason, at) VALUES (src.delivery_id, src.channel, src.k, src.s, src.r, @Now);
        """;

    public override string SelectDeadItems =>
        """
        SELECT TOP (@Limit) i.delivery_id AS DeliveryId, d.message_id AS MessageId, d.channel AS Channel, m.message_type AS MessageType,
               d.attempts AS Attempts, i.at AS LastAttemptAt, i.reason AS LastError, i.item_key AS Item
        FROM dbo.delivery_items AS i JOIN dbo.deliveries AS d ON d.delivery_id = i.delivery_id JOIN dbo.messages AS m ON m.message_id = d.message_id
        WHERE i.state = N'Failed' AND (@Channel IS NULL OR i.channel = @Channel)
          AND (d.status = N'Delivered' OR EXISTS (SELECT 1 FROM dbo.delivery_items AS r WHERE r.delivery_id = i.delivery_id AND r.state = N'Resend'))
        ORDER BY i.delivery_id, i.item_key
        """;
}
