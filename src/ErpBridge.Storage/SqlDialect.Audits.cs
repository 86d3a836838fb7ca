namespace ErpBridge.Storage;

/// <summary>The ALE audit statements (migration 0010). What differs per database: row limits, insert-if-absent and claims.</summary>
public abstract partial class SqlDialect
{
    protected const string PendingAuditColumns =
        "message_id AS MessageId, endpoint AS Endpoint, audit_message_id AS AuditMessageId, document AS Document, attempts AS Attempts";

    /// <summary>
    /// Up to @Max documents of @SourceSystem received since @Since, without an audit row, that have deliveries and none
    /// of them still open: their outcome is known.
    /// </summary>
    public virtual string SelectSettledDocuments =>
        $"""
        SELECT {SettledColumns} FROM {Table("messages")} m
        WHERE {SettledConditions}
        ORDER BY m.received_at, m.message_id LIMIT @Max
        """;

    public virtual string SelectSettledDeliveries =>
        $"""
        SELECT d.channel AS Channel, d.status AS Status, d.last_error AS LastError,
            (SELECT MIN(i.item_key) FROM {Table("delivery_items")} i WHERE i.delivery_id = d.delivery_id AND i.state = 'Failed') AS FailedItemKey
        FROM {Table("deliveries")} d WHERE d.message_id = @MessageId ORDER BY d.delivery_id
        """;

    public virtual string SelectDeliveryItemReason =>
        $"""
        SELECT i.reason FROM {Table("delivery_items")} i JOIN {Table("deliveries")} d ON d.delivery_id = i.delivery_id
        WHERE d.message_id = @MessageId AND d.channel = @Channel AND i.item_key = @ItemKey
        """;

    /// <summary>
    /// Inserts the audit row of @MessageId unless it has one (one row affected, or none). On PostgreSQL ON CONFLICT waits
    /// for a concurrent insert of the same key to commit, so two nodes cannot both insert it.
    /// </summary>
    public virtual string InsertIdocAuditIfAbsent =>
        $"""
        INSERT INTO {Table("idoc_audits")} (message_id, source_system, endpoint, audit_message_id, idoc_status, document, state, attempts, created_at, next_attempt_at)
        VALUES (@MessageId, @SourceSystem, @Endpoint, @AuditMessageId, @IdocStatus, @Document, @State, 0, @Now, @Due)
        ON CONFLICT (message_id) DO NOTHING
        """;

    /// <summary>Marks up to @Max due audits Sending until @Until and returns them.</summary>
    public abstract string ClaimIdocAudits { get; }

    /// <summary>One send's outcome for a claimed audit: @State with @RetryAt, @IdocNumber and @Error.</summary>
    public virtual string CompleteIdocAudit =>
        $"""
        UPDATE {Table("idoc_audits")} SET state = @State, attempts = attempts + 1, next_attempt_at = @RetryAt,
            sent_at = CASE WHEN @State = 'Sent' THEN @Now ELSE sent_at END,
            erp_idoc_number = COALESCE(@IdocNumber, erp_idoc_number), last_error = @Error
        WHERE message_id = @MessageId AND state = 'Sending'
        """;

    public virtual string SelectIdocAudit =>
        $"""
        SELECT message_id AS MessageId, source_system AS SourceSystem, state AS State, idoc_status AS IdocStatus,
            document AS Document, attempts AS Attempts, erp_idoc_number AS ErpIdocNumber, last_error AS LastError,
            created_at AS CreatedAt, sent_at AS SentAt
        FROM {Table("idoc_audits")} WHERE message_id = @MessageId
        """;

    /// <summary>The conditions on messages m that <see cref="SelectSettledDocuments"/> shares across dialects.</summary>
    protected string SettledConditions =>
        $"""
        m.source_system = @SourceSystem AND m.received_at >= @Since AND m.document_type IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {Table("idoc_audits")} a WHERE a.message_id = m.message_id)
          AND EXISTS (SELECT 1 FROM {Table("deliveries")} d WHERE d.message_id = m.message_id)
          AND NOT EXISTS (SELECT 1 FROM {Table("deliveries")} d WHERE d.message_id = m.message_id
                          AND d.status NOT IN ('Delivered', 'Failed', 'Superseded', 'Discarded'))
          AND NOT EXISTS (SELECT 1 FROM {Table("deliveries")} d JOIN {Table("delivery_items")} i ON i.delivery_id = d.delivery_id
                          WHERE d.message_id = m.message_id AND i.state = 'Resend')
        """;

    protected const string SettledColumns =
        "m.message_id AS MessageId, m.source_system AS SourceSystem, m.document_type AS DocumentType, m.payload AS Payload";

    private IEnumerable<(string Name, string Sql)> AuditStatements()
    {
        yield return (nameof(SelectSettledDocuments), SelectSettledDocuments);
        yield return (nameof(SelectSettledDeliveries), SelectSettledDeliveries);
        yield return (nameof(SelectDeliveryItemReason), SelectDeliveryItemReason);
        yield return (nameof(InsertIdocAuditIfAbsent), InsertIdocAuditIfAbsent);
        yield return (nameof(ClaimIdocAudits), ClaimIdocAudits);
        yield return (nameof(CompleteIdocAudit), CompleteIdocAudit);
        yield return (nameof(SelectIdocAudit), SelectIdocAudit);
    }
}
