namespace ErpBridge.Storage;

/// <summary>
/// The retention purge (migration 0013): what is old and finished goes in small batches, each its own short write.
/// Every delete checks again, in its own transaction, that its rows may go: what was found a moment earlier may have
/// changed (a resubmit, a newer revision of an order). What differs per database: row limits and how deliveries point
/// at their message.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The condition that joins deliveries <paramref name="d"/> to their message <paramref name="m"/>.</summary>
    protected virtual string DeliveryOfMessageRow(string d, string m) => $"{d}.message_id = {m}.message_id";

    /// <summary>
    /// A message <paramref name="m"/> that may go: received before @Before, every delivery of it Delivered or Superseded
    /// with its last attempt before @Before (a delivery that ran since, after a resubmit, keeps it), and no item of it
    /// a dead letter (Failed) or waiting to be sent again (Resend).
    /// </summary>
    protected string DeliveredMessage(string m) =>
        $"""
        {m}.received_at < @Before
          AND NOT EXISTS (SELECT 1 FROM {Table("deliveries")} AS pd WHERE {DeliveryOfMessageRow("pd", m)}
                          AND (pd.status NOT IN ('Delivered', 'Superseded', 'Discarded') OR pd.last_attempt_at IS NULL OR pd.last_attempt_at >= @Before))
          AND NOT EXISTS (SELECT 1 FROM {Table("deliveries")} AS pd JOIN {Table("delivery_items")} AS pi ON pi.delivery_id = pd.delivery_id
                          WHERE {DeliveryOfMessageRow("pd", m)} AND pi.state IN ('Failed', 'Resend'))
        """;

    /// <summary>
    /// Up to @Max delivered messages (see <see cref="DeliveredMessage"/>) after (@AfterAt, @AfterId) in (received_at,
    /// message_id) order that no item version names: the newest delivered state of an item is what reconciliation reads
    /// as the ERP's view, so its message stays whatever its age. Read on a connection of its own; the uncorrelated
    /// NOT IN reads item_versions once per statement (it has no index by message, see migration 0005).
    /// </summary>
    public abstract string SelectDeliveredMessages { get; }

    /// <summary>
    /// Deletes those of the messages of the JSON array @Ids that are still delivered messages (see
    /// <see cref="DeliveredMessage"/>), with their deliveries, their item rows and their audit rows. An item version
    /// names a message only once one of its deliveries completed, which sets its last attempt: a message that became
    /// one's since it was found fails the check here.
    /// </summary>
    public virtual string PurgeDeliveredMessages =>
        $"""
        DELETE FROM {Table("delivery_audit")} WHERE delivery_id IN ({PurgedDeliveries});
        DELETE FROM {Table("delivery_items")} WHERE delivery_id IN ({PurgedDeliveries});
        DELETE FROM {Table("deliveries")} WHERE delivery_id IN ({PurgedDeliveries});
        DELETE FROM {Table("messages")} WHERE message_id IN (
            SELECT pm.message_id FROM {Table("messages")} AS pm
            WHERE pm.message_id IN (SELECT value FROM {JsonValues("@Ids")}) AND {DeliveredMessage("pm")});
        """;

    private string PurgedDeliveries =>
        $"""
        SELECT xd.delivery_id FROM {Table("deliveries")} AS xd JOIN {Table("messages")} AS pm ON {DeliveryOfMessageRow("xd", "pm")}
            WHERE pm.message_id IN (SELECT value FROM {JsonValues("@Ids")}) AND {DeliveredMessage("pm")}
        """;

    /// <summary>
    /// Deletes up to @Max orders acknowledged (their current revision) before @Before and not changed since. The
    /// default takes its batch with LIMIT in a subquery (SQLite, PostgreSQL).
    /// </summary>
    public virtual string PurgeAcknowledgedOrders =>
        $"DELETE FROM {Table("orders")} WHERE order_id IN (SELECT order_id FROM {Table("orders")} WHERE {AcknowledgedOrder} ORDER BY changed_at LIMIT @Max)";

    /// <summary>The condition on orders that <see cref="PurgeAcknowledgedOrders"/> shares across dialects (migration 0003's index).</summary>
    protected const string AcknowledgedOrder =
        "handover IN ('Pull', 'Push') AND state = 'Acknowledged' AND changed_at < @Before AND acknowledged_at < @Before";

    /// <summary>Deletes up to @Max ALE audits sent (or NotIdoc markers) created before @Before; Pending, Sending and Failed ones stay.</summary>
    public virtual string PurgeSentIdocAudits =>
        $"DELETE FROM {Table("idoc_audits")} WHERE message_id IN (SELECT message_id FROM {Table("idoc_audits")} WHERE {SentIdocAudit} ORDER BY created_at LIMIT @Max)";

    /// <summary>The condition on ALE audits that <see cref="PurgeSentIdocAudits"/> shares (migration 0013's partial index).</summary>
    protected const string SentIdocAudit = "state IN ('Sent', 'NotIdoc') AND created_at < @Before";

    /// <summary>
    /// A reconciliation run (alias r) that may go: finished (not Running) before @Before and not the latest finished run
    /// of its channel, which the reconciliation report shows.
    /// </summary>
    protected string OldRun(string r) =>
        $"""
        {r}.status <> 'Running' AND COALESCE({r}.finished_at, {r}.started_at) < @Before
          AND {r}.run_id < (SELECT MAX(lr.run_id) FROM {Table("reconciliation_runs")} AS lr WHERE lr.channel = {r}.channel AND lr.status <> 'Running')
        """;

    /// <summary>The runs whose levels, items and row may go (see <see cref="OldRun"/>), oldest first.</summary>
    public virtual string SelectOldRuns =>
        $"SELECT r.run_id FROM {Table("reconciliation_runs")} AS r WHERE {OldRun("r")} ORDER BY r.run_id";

    /// <summary>Deletes up to @Max store, ERP and in-flight levels of run @RunId while it is an old run.</summary>
    public virtual string PurgeRunLevels =>
        $"""
        DELETE FROM {Table("reconciliation_levels")}
        WHERE run_id = @RunId AND (side, item_key) IN (SELECT side, item_key FROM {Table("reconciliation_levels")} WHERE run_id = @RunId LIMIT @Max)
          AND {IsOldRun}
        """;

    /// <summary>Deletes up to @Max findings of run @RunId while it is an old run.</summary>
    public virtual string PurgeRunItems =>
        $"""
        DELETE FROM {Table("reconciliation_items")}
        WHERE run_id = @RunId AND item_key IN (SELECT item_key FROM {Table("reconciliation_items")} WHERE run_id = @RunId LIMIT @Max)
          AND {IsOldRun}
        """;

    /// <summary>Deletes run @RunId once it has no levels or findings left, while it is an old run.</summary>
    public virtual string PurgeRun =>
        $"""
        DELETE FROM {Table("reconciliation_runs")}
        WHERE run_id IN (SELECT r.run_id FROM {Table("reconciliation_runs")} AS r WHERE r.run_id = @RunId AND {OldRun("r")})
          AND NOT EXISTS (SELECT 1 FROM {Table("reconciliation_levels")} WHERE run_id = @RunId)
          AND NOT EXISTS (SELECT 1 FROM {Table("reconciliation_items")} WHERE run_id = @RunId)
        """;

    /// <summary>The condition that run @RunId is still an old run, for the batch deletes of its rows.</summary>
    protected string IsOldRun =>
        $"EXISTS (SELECT 1 FROM {Table("reconciliation_runs")} AS r WHERE r.run_id = @RunId AND {OldRun("r")})";

    private IEnumerable<(string Name, string Sql)> RetentionStatements()
    {
        yield return (nameof(SelectDeliveredMessages), SelectDeliveredMessages);
        yield return (nameof(PurgeDeliveredMessages), PurgeDeliveredMessages);
        yield return (nameof(PurgeAcknowledgedOrders), PurgeAcknowledgedOrders);
        yield return (nameof(PurgeSentIdocAudits), PurgeSentIdocAudits);
        yield return (nameof(SelectOldRuns), SelectOldRuns);
        yield return (nameof(PurgeRunLevels), PurgeRunLevels);
        yield return (nameof(PurgeRunItems), PurgeRunItems);
        yield return (nameof(PurgeRun), PurgeRun);
    }
}
