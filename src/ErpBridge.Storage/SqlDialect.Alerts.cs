namespace ErpBridge.Storage;

/// <summary>The alert outbox and alert state statements (migration 0017). What differs per database: claims and insert-if-absent.</summary>
public abstract partial class SqlDialect
{
    protected const string ClaimedAlertColumns = "alert_id AS AlertId, webhook AS Webhook, body AS Body, attempts AS Attempts, created_at AS CreatedAt";

    /// <summary>One alert for one webhook, due at once.</summary>
    public virtual string InsertAlert =>
        $"""
        INSERT INTO {Table("alerts")} (alert_id, webhook, body, state, attempts, created_at, next_attempt_at)
        VALUES (@AlertId, @Webhook, @Body, 'Pending', 0, @Now, @Now)
        """;

    /// <summary>Marks up to @Max due alerts (and those whose claim ran out) Sending until @Until and returns them.</summary>
    public abstract string ClaimAlerts { get; }

    /// <summary>One send's outcome for a claimed alert: @State ('Sent', 'Pending' again at @RetryAt, or 'Failed') with @Error.</summary>
    public virtual string CompleteAlert =>
        $"""
        UPDATE {Table("alerts")} SET state = @State, attempts = attempts + 1, next_attempt_at = COALESCE(@RetryAt, next_attempt_at),
            sent_at = CASE WHEN @State = 'Sent' THEN @Now ELSE sent_at END, last_error = @Error
        WHERE alert_id = @AlertId AND webhook = @Webhook AND state = 'Sending'
        """;

    public virtual string SelectAlertState => $"SELECT value FROM {Table("alert_states")} WHERE state_key = @Key";

    /// <summary>Records @Value for @Key unless the key has a value (one row affected, or none).</summary>
    public virtual string InsertAlertStateIfAbsent =>
        $"""
        INSERT INTO {Table("alert_states")} (state_key, value, changed_at) VALUES (@Key, @Value, @Now)
        ON CONFLICT (state_key) DO NOTHING
        """;

    /// <summary>Replaces @Key's value by @Value if it is still @Expected (one row affected, or none).</summary>
    public virtual string UpdateAlertState =>
        $"UPDATE {Table("alert_states")} SET value = @Value, changed_at = @Now WHERE state_key = @Key AND value = @Expected";

    /// <summary>Each channel's last successful order poll.</summary>
    public virtual string SelectOrderPolls => $"SELECT channel AS Channel, polled_at AS PolledAt FROM {Table("order_cursors")}";

    private IEnumerable<(string Name, string Sql)> AlertStatements()
    {
        yield return (nameof(InsertAlert), InsertAlert);
        yield return (nameof(ClaimAlerts), ClaimAlerts);
        yield return (nameof(CompleteAlert), CompleteAlert);
        yield return (nameof(SelectAlertState), SelectAlertState);
        yield return (nameof(InsertAlertStateIfAbsent), InsertAlertStateIfAbsent);
        yield return (nameof(UpdateAlertState), UpdateAlertState);
        yield return (nameof(SelectOrderPolls), SelectOrderPolls);
    }
}
