namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    // READPAST skips rows another node holds; UPDLOCK keeps the chosen rows from being taken twice.
    public override string ClaimAlerts =>
        """
        WITH due AS (
            SELECT TOP (@Max) * FROM dbo.alerts WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE state IN (N'Pending', N'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, alert_id)
        UPDATE due SET state = N'Sending', next_attempt_at = @Until
        OUTPUT inserted.alert_id AS AlertId, inserted.webhook AS Webhook, inserted.body AS Body,
            inserted.attempts AS Attempts, inserted.created_at AS CreatedAt
        """;

    // UPDLOCK, HOLDLOCK: the key stays locked from the check to the insert, so two nodes cannot both insert it.
    public override string InsertAlertStateIfAbsent =>
        """
        INSERT INTO dbo.alert_states (state_key, value, changed_at)
        SELECT @Key, @Value, @Now
        WHERE NOT EXISTS (SELECT 1 FROM dbo.alert_states WITH (UPDLOCK, HOLDLOCK) WHERE state_key = @Key)
        """;
}
