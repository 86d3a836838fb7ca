namespace ErpBridge.Storage;

public sealed partial class SqliteDialect
{
    public override string UpsertReconciledLevels =>
        """
        INSERT INTO reconciliation_levels (run_id, side, item_key, sku, location, quantity, detail)
        SELECT @RunId, @Side, r.value ->> 'k', r.value ->> 's', r.value ->> 'l', r.value ->> 'q', r.value ->> 'd' FROM json_each(@Rows) AS r WHERE true
        ON CONFLICT (run_id, side, item_key) DO UPDATE SET quantity = excluded.quantity, detail = excluded.detail
        """;

    public override string InsertOrderFindings =>
        """
        INSERT INTO reconciliation_items (run_id, item_key, class, detail)
        SELECT @RunId, r.value ->> 'k', r.value ->> 'c', r.value ->> 'd' FROM json_each(@Rows) AS r WHERE true
        ON CONFLICT (run_id, item_key) DO NOTHING
        """;

    protected override string JsonValues(string parameter) => $"json_each({parameter})";
}
