namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    public override string SaveOrderCursor =>
        """
        MERGE dbo.order_cursors WITH (HOLDLOCK) AS t
        USING (SELECT @Channel AS channel) AS s ON t.channel = s.channel
        WHEN MATCHED THEN UPDATE SET changed_since = @ChangedSince, polled_at = @Now
        WHEN NOT MATCHED THEN INSERT (channel, changed_since, polled_at) VALUES (@Channel, @ChangedSince, @Now);
        """;

    // UPDLOCK, HOLDLOCK: the order row (or the gap where it will be) stays locked until the upsert commits.
    public override string SelectOrderForUpsert =>
        """
        SELECT content_hash AS ContentHash, platform_updated_at AS PlatformUpdatedAt
        FROM dbo.orders WITH (UPDLOCK, HOLDLOCK) WHERE order_id = @OrderId
        """;

    public override string SelectOrderForAcknowledge =>
        """
        SELECT revision AS Revision, fetched_revision AS FetchedRevision, acknowledged_revision AS AcknowledgedRevision,
               erp_document_number AS ErpDocumentNumber
        FROM dbo.orders WITH (UPDLOCK, ROWLOCK) WHERE order_id = @OrderId
        """;

    // READPAST skips rows another caller holds; UPDLOCK keeps the chosen rows from being taken twice.
    public override string FetchOrders =>
        $"""
        WITH due AS (
            SELECT TOP (@Max) * FROM dbo.orders WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE handover = N'Pull' AND (@Channel IS NULL OR channel = @Channel)
              AND (state = N'Pending' OR (state = N'Fetched' AND visible_at <= @Now))
            ORDER BY changed_at, order_id)
        UPDATE due SET state = N'Fetched', visible_at = @Until, fetched_revision = revision
        OUTPUT {Inserted(PendingOrderColumns)}
        """;

    public override string ClaimOrderPushes =>
        $"""
        WITH due AS (
            SELECT TOP (@Max) * FROM dbo.orders WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE handover = N'Push' AND channel = @Channel
              AND ((state = N'Pending' AND next_push_at <= @Now) OR (state = N'Pushing' AND visible_at <= @Now))
            ORDER BY changed_at, order_id)
        UPDATE due SET state = N'Pushing', visible_at = @Until
        OUTPUT {Inserted(PendingOrderColumns)}
        """;

    public override string ListOrders =>
        $"""
        SELECT TOP (@Limit) {OrderViewColumns} FROM dbo.orders
        WHERE (@Channel IS NULL OR channel = @Channel) AND (@State IS NULL OR state = @State)
        ORDER BY changed_at DESC, order_id
        """;

    /// <summary>The pending-order columns of the updated row, through OUTPUT's inserted pseudo-table.</summary>
    private static string Inserted(string columns) =>
        System.Text.RegularExpressions.Regex.Replace(
            columns, @"\b(order_id|channel|order_number|revision|acknowledged_revision|cancelled|canonical_xml|changed_at|push_attempts)\b", "inserted.$1");
}
