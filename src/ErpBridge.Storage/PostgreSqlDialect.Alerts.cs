namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    // SKIP LOCKED passes over rows another node is claiming; the row locks keep the chosen ones from being taken twice.
    public override string ClaimAlerts =>
        $"""
        WITH due AS (
            SELECT alert_id AS due_id, webhook AS due_webhook FROM alerts
            WHERE state IN ('Pending', 'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, alert_id LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        UPDATE alerts SET state = 'Sending', next_attempt_at = @Until
        FROM due WHERE alert_id = due.due_id AND webhook = due.due_webhook
        RETURNING {ClaimedAlertColumns}
        """;
}
