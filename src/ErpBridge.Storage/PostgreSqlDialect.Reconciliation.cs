namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    // A statement of its own: a lock waited for inside the look-up would leave that statement reading a snapshot taken
    // before the other node's run was committed.
    public override string LockRunsOfChannel => "SELECT pg_advisory_xact_lock(hashtextextended('erpbridge-reconciliation:' || @Channel, 0))";

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

}
