namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    public override string SelectSettledDocuments =>
        $"""
        SELECT {SettledColumns} FROM messages m
        WHERE {SettledConditions}
        ORDER BY m.received_at, m.message_id LIMIT @Max
        """;

    public override string InsertIdocAuditIfAbsent =>
        """
        INSERT INTO idoc_audits (message_id, source_system, endpoint, audit_message_id, idoc_status, document, state, attempts, created_at, next_attempt_at)
        VALUES (@MessageId, @SourceSystem, @Endpoint, @AuditMessageId, @IdocStatus, @Document, @State, 0, @Now, @Due)
        ON CONFLICT (message_id) DO NOTHING
        """;

    public override string ClaimIdocAudits =>
        $"""
        UPDATE idoc_audits SET state = 'Sending', next_attempt_at = @Until
        WHERE message_id IN (
            SELECT message_id FROM idoc_audits
            WHERE state IN ('Pending', 'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, message_id LIMIT @Max)
        RETURNING {PendingAuditColumns}
        """;
}
