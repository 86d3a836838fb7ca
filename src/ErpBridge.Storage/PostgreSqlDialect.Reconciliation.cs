namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    // A statement of its own: a lock waited for inside the look-up would leave that statement reading a snapshot taken
    // before the other node's run was committed.
    public override string LockRunsOfChannel => "SELECT pg_advisory_xact_lock(hashtextextended('erpbridge-reconciliation:' || @Channel, 0))";

    public override string InsertRun =>
        """
        INSERT INTO reconciliation_runs (channel, status, phase, trigger_by, heal, started_at, pages, levels_read)
        VALUES (@Channel, 'Running', 'ReadingStore', @TriggerBy, @Heal, @Now, 0, 0)
        RETURNING run_id
        """;

    public override string SelectLatestRun =>
        $"SELECT {RunColumns} FROM reconciliation_runs WHERE (@Channel IS NULL OR channel = @Channel) ORDER BY run_id DESC LIMIT 1";

    public override string UpsertReconciledLevels =>
        $"""
        INSERT INTO reconciliation_levels (run_id, side, item_key, sku, location, quantity, detail)
        SELECT @RunId, @Side, j.value ->> 'k', j.value ->> 's', j.value ->> 'l', CAST(j.value ->> 'q' AS bigint), j.value ->> 'd' FROM {JsonRows("@Rows")}
        ON CONFLICT (run_id, side, item_key) DO UPDATE SET quantity = excluded.quantity, detail = excluded.detail
        """;

    public override string InsertOrderFindings =>
        $"""
        INSERT INTO reconciliation_items (run_id, item_key, class, detail)
        SELECT @RunId, j.value ->> 'k', j.value ->> 'c', j.value ->> 'd' FROM {JsonRows("@Rows")}
        ON CONFLICT (run_id, item_key) DO NOTHING
        """;

    public override string SelectItems =>
        $"""
        SELECT {ItemColumns} FROM reconciliation_items
        WHERE run_id = @RunId AND (@Class IS NULL OR class = @Class) AND (@After IS NULL OR item_key > @After)
        ORDER BY item_key LIMIT @Max
        """;

    public override string SelectUnhealedDrift =>
        $"SELECT {ItemColumns} FROM reconciliation_items WHERE run_id = @RunId AND class = 'Drift' AND healed_by IS NULL ORDER BY item_key LIMIT @Max";
}
