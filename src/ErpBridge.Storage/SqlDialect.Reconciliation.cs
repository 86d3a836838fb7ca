namespace ErpBridge.Storage;

/// <summary>The reconciliation statements (migration 0004).</summary>
public abstract partial class SqlDialect
{
    protected const string RunColumns =
        """
        run_id AS RunId, channel AS Channel, status AS Status, phase AS Phase, trigger_by AS TriggerBy, heal AS Heal,
        started_at AS StartedAt, finished_at AS FinishedAt, page_token AS PageToken, pages AS Pages, levels_read AS LevelsRead, error AS Error
        """;

    protected const string ItemColumns =
        """
        item_key AS ItemKey, class AS Class, sku AS Sku, location AS Location, erp_quantity AS ErpQuantity,
        store_quantity AS StoreQuantity, detail AS Detail, healed_by AS HealedBy
        """;

    /// <summary>
    /// Taken in the transaction that starts a run of @Channel, before its running run is looked for, so that two nodes
    /// asked at once take turns instead of both finding none and both inserting one; null where that cannot happen
    /// (SQLite writes one transaction at a time; on SQL Server the look-up itself holds its range).
    /// </summary>
    public virtual string? LockRunsOfChannel => null;

    public virtual string SelectRunningRunOfChannel =>
        $"SELECT {RunColumns} FROM {Table("reconciliation_runs")} WHERE channel = @Channel AND status = 'Running'";

    /// <summary>Inserts a Running run and returns its id.</summary>
    public virtual string InsertRun =>
        $"""
        INSERT INTO {Table("reconciliation_runs")} (channel, status, phase, trigger_by, heal, started_at, pages, levels_read)
        VALUES (@Channel, 'Running', 'ReadingStore', @TriggerBy, @Heal, @Now, 0, 0)
        RETURNING run_id
        """;

    public virtual string SelectRun => $"SELECT {RunColumns} FROM {Table("reconciliation_runs")} WHERE run_id = @RunId";

    public virtual string SelectLatestRun =>
        $"SELECT {RunColumns} FROM {Table("reconciliation_runs")} WHERE (@Channel IS NULL OR channel = @Channel) ORDER BY run_id DESC LIMIT 1";

    public virtual string SelectRunningRuns => $"SELECT {RunColumns} FROM {Table("reconciliation_runs")} WHERE status = 'Running' ORDER BY run_id";

    /// <summary>Upserts levels of @Side from the JSON array @Rows (k key, s sku, l location, q quantity, d detail).</summary>
    public abstract string UpsertReconciledLevels { get; }

    public virtual string AdvanceRunPage =>
        $"UPDATE {Table("reconciliation_runs")} SET page_token = @Token, pages = pages + @Pages, levels_read = levels_read + @Count, phase = @Phase WHERE run_id = @RunId";

    public virtual string SelectDeliveredStockVersions =>
        $"SELECT message_id AS MessageId, item_key AS ItemKey FROM {Table("item_versions")} WHERE channel = @Channel AND item_key LIKE 'inv:%' ORDER BY message_id, item_key";

    public virtual string SelectUndeliveredStock =>
        $"""
        SELECT d.message_id AS MessageId, d.status AS Status, m.sent_at AS SentAt
        FROM {Table("deliveries")} AS d JOIN {Table("messages")} AS m ON m.message_id = d.message_id
        WHERE d.channel = @Channel AND d.status IN ('Pending', 'RetryScheduled', 'InProgress', 'Failed')
          AND m.message_type IN ('Inventory', 'Document')
        ORDER BY m.sent_at, m.received_at
        """;

    /// <summary>
    /// A message's canonical form: a raw document's canonical message as mapped at the door (no document type then:
    /// nothing to map again), else the payload with the document type of a document stored before the door mapped.
    /// </summary>
    public virtual string SelectPayload =>
        $"SELECT COALESCE(canonical, payload) AS Payload, CASE WHEN canonical IS NULL THEN document_type END AS DocumentType FROM {Table("messages")} WHERE message_id = @MessageId";

    /// <summary>
    /// The findings, by class: an item in flight whose newer level the store does not show yet is InFlight; otherwise
    /// the ERP's level against the store's (Match, Drift, MissingOnStore); store levels the ERP never reported are
    /// UnknownToErp (or InFlight when the ERP's first level is on its way).
    /// </summary>
    public virtual string CompareReconciledLevels =>
        $"""
        DELETE FROM {Table("reconciliation_items")} WHERE run_id = @RunId AND item_key LIKE 'inv:%';
        INSERT INTO {Table("reconciliation_items")} (run_id, item_key, class, sku, location, erp_quantity, store_quantity, detail)
        SELECT e.run_id, e.item_key,
               CASE WHEN f.item_key IS NOT NULL AND (s.item_key IS NULL OR s.quantity <> f.quantity) THEN 'InFlight'
                    WHEN f.item_key IS NOT NULL THEN 'Match'
                    WHEN s.item_key IS NULL THEN 'MissingOnStore'
                    WHEN s.quantity = e.quantity THEN 'Match'
                    ELSE 'Drift' END,
               e.sku, e.location, COALESCE(f.quantity, e.quantity), s.quantity, COALESCE(f.detail, e.detail)
        FROM {Table("reconciliation_levels")} AS e
        LEFT JOIN {Table("reconciliation_levels")} AS s ON s.run_id = e.run_id AND s.side = 'Store' AND s.item_key = e.item_key
        LEFT JOIN {Table("reconciliation_levels")} AS f ON f.run_id = e.run_id AND f.side = 'InFlight' AND f.item_key = e.item_key
        WHERE e.run_id = @RunId AND e.side = 'Erp';
        INSERT INTO {Table("reconciliation_items")} (run_id, item_key, class, sku, location, erp_quantity, store_quantity, detail)
        SELECT s.run_id, s.item_key,
               CASE WHEN f.item_key IS NULL THEN 'UnknownToErp' WHEN f.quantity = s.quantity THEN 'Match' ELSE 'InFlight' END,
               s.sku, s.location, f.quantity, s.quantity, f.detail
        FROM {Table("reconciliation_levels")} AS s
        LEFT JOIN {Table("reconciliation_levels")} AS e ON e.run_id = s.run_id AND e.side = 'Erp' AND e.item_key = s.item_key
        LEFT JOIN {Table("reconciliation_levels")} AS f ON f.run_id = s.run_id AND f.side = 'InFlight' AND f.item_key = s.item_key
        WHERE s.run_id = @RunId AND s.side = 'Store' AND e.item_key IS NULL;
        INSERT INTO {Table("reconciliation_items")} (run_id, item_key, class, sku, location, erp_quantity, store_quantity, detail)
        SELECT f.run_id, f.item_key, 'InFlight', f.sku, f.location, f.quantity, NULL, f.detail
        FROM {Table("reconciliation_levels")} AS f
        WHERE f.run_id = @RunId AND f.side = 'InFlight'
          AND NOT EXISTS (SELECT 1 FROM {Table("reconciliation_levels")} AS o WHERE o.run_id = f.run_id AND o.side IN ('Erp', 'Store') AND o.item_key = f.item_key);
        """;

    /// <summary>Inserts order findings from the JSON array @Rows (k key, c class, n number, d detail), ignoring ones already there.</summary>
    public abstract string InsertOrderFindings { get; }

    public virtual string SetRunPhase => $"UPDATE {Table("reconciliation_runs")} SET phase = @Phase WHERE run_id = @RunId";

    public virtual string FinishRun =>
        $"UPDATE {Table("reconciliation_runs")} SET status = @Status, phase = CASE WHEN @Status = 'Completed' THEN 'Done' ELSE phase END, error = @Error, finished_at = @Now WHERE run_id = @RunId";

    public virtual string CountItems =>
        $"SELECT class AS Class, COUNT(*) AS Count FROM {Table("reconciliation_items")} WHERE run_id = @RunId GROUP BY class";

    public virtual string CountHealed =>
        $"SELECT COUNT(*) FROM {Table("reconciliation_items")} WHERE run_id = @RunId AND healed_by IS NOT NULL";

    /// <summary>Items of @RunId after @After (item order), optionally only @Class, at most @Max.</summary>
    public virtual string SelectItems =>
        $"""
        SELECT {ItemColumns} FROM {Table("reconciliation_items")}
        WHERE run_id = @RunId AND (@Class IS NULL OR class = @Class) AND (@After IS NULL OR item_key > @After)
        ORDER BY item_key LIMIT @Max
        """;

    /// <summary>Drift items of @RunId not healed yet, item order, at most @Max.</summary>
    public virtual string SelectUnhealedDrift =>
        $"SELECT {ItemColumns} FROM {Table("reconciliation_items")} WHERE run_id = @RunId AND class = 'Drift' AND healed_by IS NULL ORDER BY item_key LIMIT @Max";

    public virtual string MarkItemsHealed =>
        $"UPDATE {Table("reconciliation_items")} SET healed_by = @MessageId WHERE run_id = @RunId AND item_key IN (SELECT value FROM {JsonValues("@Keys")})";

    /// <summary>The values of a JSON array of strings as a table with a column named value.</summary>
    protected abstract string JsonValues(string parameter);

    private IEnumerable<(string Name, string Sql)> ReconciliationStatements()
    {
        if (LockRunsOfChannel is { } lockRuns)
        {
            yield return (nameof(LockRunsOfChannel), lockRuns);
        }

        yield return (nameof(SelectRunningRunOfChannel), SelectRunningRunOfChannel);
        yield return (nameof(InsertRun), InsertRun);
        yield return (nameof(SelectRun), SelectRun);
        yield return (nameof(SelectLatestRun), SelectLatestRun);
        yield return (nameof(SelectRunningRuns), SelectRunningRuns);
        yield return (nameof(UpsertReconciledLevels), UpsertReconciledLevels);
        yield return (nameof(AdvanceRunPage), AdvanceRunPage);
        yield return (nameof(SelectDeliveredStockVersions), SelectDeliveredStockVersions);
        yield return (nameof(SelectUndeliveredStock), SelectUndeliveredStock);
        yield return (nameof(SelectPayload), SelectPayload);
        yield return (nameof(CompareReconciledLevels), CompareReconciledLevels);
        yield return (nameof(InsertOrderFindings), InsertOrderFindings);
        yield return (nameof(SetRunPhase), SetRunPhase);
        yield return (nameof(FinishRun), FinishRun);
        yield return (nameof(CountItems), CountItems);
        yield return (nameof(CountHealed), CountHealed);
        yield return (nameof(SelectItems), SelectItems);
        yield return (nameof(SelectUnhealedDrift), SelectUnhealedDrift);
        yield return (nameof(MarkItemsHealed), MarkItemsHealed);
    }
}
