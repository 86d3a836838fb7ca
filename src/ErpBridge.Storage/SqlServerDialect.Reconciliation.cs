namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    // UPDLOCK and HOLDLOCK keep the channel's range locked until the run is inserted and committed: a second start of
    // the channel waits, then finds the first one's run.
    public override string SelectRunningRunOfChannel =>
        $"SELECT {RunColumns} FROM dbo.reconciliation_runs WITH (UPDLOCK, HOLDLOCK) WHERE channel = @Channel AND status = N'Running'";

    public override string InsertRun =>
        """
        INSERT INTO dbo.reconciliation_runs (channel, status, phase, trigger_by, heal, started_at, pages, levels_read)
        OUTPUT inserted.run_id
        VALUES (@Channel, N'Running', N'ReadingStore', @TriggerBy, @Heal, @Now, 0, 0)
        """;

    public override string SelectLatestRun =>
        $"SELECT TOP (1) {RunColumns} FROM dbo.reconciliation_runs WHERE (@Channel IS NULL OR channel = @Channel) ORDER BY run_id DESC";

    public override string UpsertReconciledLevels =>
        """
        MERGE dbo.reconciliation_levels WITH (HOLDLOCK) AS t
        USING (SELECT k, s, l, q, d FROM OPENJSON(@Rows) WITH (k NVARCHAR(400) '$.k', s NVARCHAR(255) '$.s', l NVARCHAR(128) '$.l', q BIGINT '$.q', d NVARCHAR(400) '$.d')) AS src
        ON t.run_id = @RunId AND t.side = @Side AND t.item_key = src.k
        WHEN MATCHED THEN UPDATE SET quantity = src.q, detail = src.d
        WHEN NOT MATCHED THEN INSERT (run_id, side, item_key, sku, location, quantity, detail) VALUES (@RunId, @Side, src.k, src.s, src.l, src.q, src.d);
        """;

    public override string InsertOrderFindings =>
        """
        INSERT INTO dbo.reconciliation_items (run_id, item_key, class, detail)
        SELECT @RunId, src.k, src.c, src.d
        FROM OPENJSON(@Rows) WITH (k NVARCHAR(400) '$.k', c NVARCHAR(32) '$.c', d NVARCHAR(400) '$.d') AS src
        WHERE NOT EXISTS (SELECT 1 FROM dbo.reconciliation_items AS i WHERE i.run_id = @RunId AND i.item_key = src.k)
        """;

    public override string SelectItems =>
        $"""
        SELECT TOP (@Max) {ItemColumns} FROM dbo.reconciliation_items
        WHERE run_id = @RunId AND (@Class IS NULL OR class = @Class) AND (@After IS NULL OR item_key > @After)
        ORDER BY item_key
        """;

    public override string SelectUnhealedDrift =>
        $"SELECT TOP (@Max) {ItemColumns} FROM dbo.reconciliation_items WHERE run_id = @RunId AND class = N'Drift' AND healed_by IS NULL ORDER BY item_key";

    protected override string JsonValues(string parameter) => $"OPENJSON({parameter})";
}
