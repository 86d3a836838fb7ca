namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    public override string ClaimAlerts =>
        $"""
        UPDATE alerts SET state = 'Sending', next_attempt_at = @Until
        WHERE (alert_id, webhook) IN (
            SELECT alert_id, webhook FROM alerts
            WHERE state IN ('Pending', 'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, alert_id LIMIT @Max)
        RETURNING {ClaimedAlertColumns}
        """;
}
