namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
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
