namespace ErpBridge.Storage;

/// <summary>
/// The operator console's reads and its audit trail (issue 17, migration 0018). The defaults are SQLite's and
/// PostgreSQL's; SQL Server overrides the statements that limit rows.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The console's key ring (migration 0020), oldest key first.</summary>
    public virtual string SelectConsoleKeys => $"SELECT xml FROM {Table("console_keys")} ORDER BY created_at, name";

    /// <summary>Adds a key unless its name is stored (two nodes never make the same name; a repeated write is harmless).</summary>
    public virtual string InsertConsoleKey =>
        $"""
        INSERT INTO {Table("console_keys")} (name, created_at, xml)
        SELECT @Name, @Now, @Xml WHERE NOT EXISTS (SELECT 1 FROM {Table("console_keys")} WHERE name = @Name)
        """;

    public virtual string InsertOperatorAction =>
        $"""
        INSERT INTO {Table("operator_actions")} (at, operator, action, message_id, channel, detail)
        VALUES (@Now, @Operator, @Action, @MessageId, @Channel, @Detail)
        """;

    /// <summary>The newest @Limit actions, on @MessageId and/or @Channel when not null.</summary>
    public virtual string SelectOperatorActions =>
        $"""
        SELECT {OperatorActionColumns} FROM {Table("operator_actions")}
        WHERE (@MessageId IS NULL OR message_id = @MessageId) AND (@Channel IS NULL OR channel = @Channel)
        ORDER BY action_id DESC LIMIT @Limit
        """;

    /// <summary>
    /// The newest @Limit messages matching the filters (null = any), from the received-at index downwards after the cursor
    /// (@BeforeAt, @BeforeId; the latest time when there is none). @Text is a LIKE pattern with \ as its escape; the caller bounds it by a time range.
    /// </summary>
    public virtual string SearchMessages =>
        $"""
        SELECT {MessageSummaryColumns} FROM {Table("messages")} AS m
        WHERE {MessageSearchConditions}
        ORDER BY m.received_at DESC, m.message_id DESC LIMIT @Limit
        """;

    public virtual string SelectMessageDetail =>
        $"""
        SELECT message_id AS MessageId, message_type AS MessageType, document_type AS DocumentType, source_system AS SourceSystem,
               client AS Client, sent_at AS SentAt, received_at AS ReceivedAt, correlation_id AS CorrelationId, payload AS Payload,
               canonical AS Canonical
        FROM {Table("messages")} WHERE message_id = @MessageId
        """;

    /// <summary>Audits and ends Failed deliveries matching @MessageId / @Channel (null = any) as Discarded at @Now, with @Detail.</summary>
    public virtual string DiscardDeliveries =>
        $"""
        INSERT INTO {Table("delivery_audit")} (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT delivery_id, message_id, channel, status, 'Discarded', @Now, @Detail
        FROM {Table("deliveries")}
        WHERE status = 'Failed' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel);
        UPDATE {Table("deliveries")} SET status = 'Discarded', next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
        WHERE status = 'Failed' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel);
        """;

    /// <summary>Ends the failed items (matching @Item, null = any) of delivered deliveries matching @MessageId / @Channel as Discarded.</summary>
    public virtual string DiscardItems =>
        $"""
        UPDATE {Table("delivery_items")} SET state = 'Discarded', at = @Now
        WHERE state = 'Failed' AND (@Item IS NULL OR item_key = @Item)
          AND delivery_id IN (SELECT delivery_id FROM {Table("deliveries")}
                              WHERE status = 'Delivered' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel))
        """;

    public virtual string SelectOrderDetail =>
        $"""
        SELECT {OrderViewColumns}, platform_order_id AS PlatformOrderId, cancelled AS Cancelled, canonical_xml AS CanonicalXml,
               platform_updated_at AS PlatformUpdatedAt, first_seen_at AS FirstSeenAt, fetched_revision AS FetchedRevision,
               acknowledged_at AS AcknowledgedAt, next_push_at AS NextPushAt
        FROM {Table("orders")} WHERE order_id = @OrderId
        """;

    /// <summary>The ids of the @Limit newest reconciliation runs, of @Channel when not null.</summary>
    public virtual string SelectRecentRunIds =>
        $"SELECT run_id FROM {Table("reconciliation_runs")} WHERE (@Channel IS NULL OR channel = @Channel) ORDER BY run_id DESC LIMIT @Limit";

    protected const string OperatorActionColumns =
        "action_id AS Id, at AS At, operator AS Operator, action AS Action, message_id AS MessageId, channel AS Channel, detail AS Detail";

    protected const string MessageSummaryColumns =
        "m.message_id AS MessageId, m.message_type AS MessageType, m.document_type AS DocumentType, m.source_system AS SourceSystem, m.received_at AS ReceivedAt";

    protected string MessageSearchConditions =>
        $"""
        (@MessageId IS NULL OR m.message_id = @MessageId)
          AND (@SourceSystem IS NULL OR m.source_system = @SourceSystem)
          AND (@MessageType IS NULL OR m.message_type = @MessageType OR m.document_type = @MessageType)
          AND m.received_at >= @ReceivedFrom AND m.received_at < @ReceivedTo
          AND (m.received_at < @BeforeAt OR (m.received_at = @BeforeAt AND m.message_id < @BeforeId))
          AND (@Text IS NULL OR m.payload LIKE @Text ESCAPE '\' OR m.canonical LIKE @Text ESCAPE '\')
          AND (@Status IS NULL OR EXISTS (SELECT 1 FROM {Table("deliveries")} AS d WHERE {DeliveryOfMessageRow("d", "m")} AND d.status = @Status))
        """;

    private IEnumerable<(string Name, string Sql)> ConsoleStatements()
    {
        yield return (nameof(SelectConsoleKeys), SelectConsoleKeys);
        yield return (nameof(InsertConsoleKey), InsertConsoleKey);
        yield return (nameof(InsertOperatorAction), InsertOperatorAction);
        yield return (nameof(SelectOperatorActions), SelectOperatorActions);
        yield return (nameof(SearchMessages), SearchMessages);
        yield return (nameof(SelectMessageDetail), SelectMessageDetail);
        yield return (nameof(DiscardDeliveries), DiscardDeliveries);
        yield return (nameof(DiscardItems), DiscardItems);
        yield return (nameof(SelectOrderDetail), SelectOrderDetail);
        yield return (nameof(SelectRecentRunIds), SelectRecentRunIds);
    }
}
