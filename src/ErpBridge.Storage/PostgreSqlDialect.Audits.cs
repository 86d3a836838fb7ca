namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    public override string SelectSettledDocuments =>
        $"""
        SELECT {SettledColumns} FROM messages m
        WHERE {SettledConditions}
        ORDER BY m.received_at, m.message_id LIMIT @Max
        """;

    // ON CONFLICT waits for a concurrent insert of the same key to commit, so two nodes cannot both insert it.
    public override string InsertIdocAuditIfAbsent =>
        """
        INSERT INTO idoc_audits (message_id, source_system, endpoint, audit_message_id, idoc_status, document, state, attempts, created_at, next_attempt_at)
        VALUES (@MessageId, @SourceSystem, @Endpoint, @AuditMessageId, @IdocStatus, @Document, @State, 0, @Now, @Due)
        ON CONFLICT (message_id) DO NOTHING
        """;

    // SKIP LOCKED passes over rows another node is claiming; the row locks keep the chosen ones from being taken twice.
    public override string ClaimIdocAudits =>
        $"""
        WITH due AS (
            SELECT message_id AS due_id FROM idoc_audits
            WHERE state IN ('Pending', 'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, message_id LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        UPDATE idoc_audits SET state = 'Sending', next_attempt_at = @Until
        FROM due WHERE message_id = due.due_id
        RETURNING {PendingAuditColumns}
        """;
}
