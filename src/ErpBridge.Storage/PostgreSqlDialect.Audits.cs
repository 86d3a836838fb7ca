namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
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
