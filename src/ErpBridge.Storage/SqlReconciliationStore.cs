using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using ErpBridge.Core.Reconciliation;

namespace ErpBridge.Storage;

/// <summary>Reconciliation runs over any <see cref="SqlDialect"/> (migration 0004).</summary>
public sealed class SqlReconciliationStore : IReconciliationStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    public SqlReconciliationStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public Task<(ReconciliationRun Run, bool Started)> StartAsync(string channel, string trigger, bool heal, DateTimeOffset now, CancellationToken cancellationToken) =>
        connections.WriteAsync((c, t) =>
        {
            if (dialect.LockRunsOfChannel is { } lockRuns)
            {
                c.Execute(lockRuns, dialect.Parameters(new { Channel = channel }), t);
            }

            if (c.QuerySingleOrDefault<RunRow>(dialect.SelectRunningRunOfChannel, dialect.Parameters(new { Channel = channel }), t) is { } running)
            {
                return (running.ToRun(), false);
            }

            var id = c.ExecuteScalar<long>(dialect.InsertRun, dialect.Parameters(new { Channel = channel, TriggerBy = trigger, Heal = heal, Now = dialect.Time(now) }), t);
            return (c.QuerySingle<RunRow>(dialect.SelectRun, dialect.Parameters(new { RunId = id }), t).ToRun(), true);
        }, cancellationToken);

    public async Task<ReconciliationRun?> GetAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(dialect.SelectRun, dialect.Parameters(new { RunId = runId }), cancellationToken: cancellationToken)))?.ToRun();
    }

    public async Task<ReconciliationRun?> LatestAsync(string? channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(dialect.SelectLatestRun, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken)))?.ToRun();
    }

    public async Task<IReadOnlyList<ReconciliationRun>> RunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(dialect.SelectRunningRuns, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRun()).ToList();
    }

    public Task SaveStorePageAsync(long runId, IReadOnlyList<ReconciledLevel> levels, string? nextPageToken, bool last, CancellationToken cancellationToken, bool ready = true)
    {
        var rows = Rows(levels);
        var phase = (last ? ReconciliationPhase.BuildingErpView : ReconciliationPhase.ReadingStore).ToString();
        return connections.WriteAsync((c, t) =>
        {
            if (levels.Count > 0)
            {
                c.Execute(dialect.UpsertReconciledLevels, dialect.Parameters(new { RunId = runId, Side = "Store", Rows = rows }), t);
            }

            return c.Execute(dialect.AdvanceRunPage, dialect.Parameters(new { RunId = runId, Token = nextPageToken, Pages = ready ? 1 : 0, Count = levels.Count, Phase = phase }), t);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<(string MessageId, string ItemKey)> DeliveredStockVersionsAsync(string channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(dialect.SelectDeliveredStockVersions, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    public async IAsyncEnumerable<UndeliveredStock> UndeliveredStockAsync(string channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(dialect.SelectUndeliveredStock, dialect.Parameters(new { Channel = channel }), cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new UndeliveredStock(reader.GetString(0), reader.GetString(1), SqlDialect.ReadTime(reader.GetValue(2)));
        }
    }

    public async Task<(string Payload, string? DocumentType)> PayloadAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<PayloadRow>(new CommandDefinition(dialect.SelectPayload, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        return (row.Payload, row.DocumentType);
    }

    public Task SaveErpLevelsAsync(long runId, IReadOnlyList<ReconciledLevel> levels, CancellationToken cancellationToken) => UpsertAsync(runId, "Erp", levels, cancellationToken);

    public Task SaveInFlightAsync(long runId, IReadOnlyList<ReconciledLevel> levels, CancellationToken cancellationToken) => UpsertAsync(runId, "InFlight", levels, cancellationToken);

    private Task UpsertAsync(long runId, string side, IReadOnlyList<ReconciledLevel> levels, CancellationToken cancellationToken)
    {
        if (levels.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = Rows(levels);
        return connections.WriteAsync((c, t) => c.Execute(dialect.UpsertReconciledLevels, dialect.Parameters(new { RunId = runId, Side = side, Rows = rows }), t), cancellationToken);
    }

    public Task CompareAsync(long runId, CancellationToken cancellationToken) =>
        connections.WriteAsync((c, t) => c.Execute(dialect.CompareReconciledLevels, dialect.Parameters(new { RunId = runId }), t, commandTimeout: 600), cancellationToken);

    public Task SaveOrderFindingsAsync(long runId, IReadOnlyList<OrderFinding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = JsonSerializer.Serialize(findings.Select(f => new { k = f.OrderKey, c = f.Class.ToString(), d = $"order {f.OrderNumber}: {f.Detail}" }));
        return connections.WriteAsync((c, t) => c.Execute(dialect.InsertOrderFindings, dialect.Parameters(new { RunId = runId, Rows = rows }), t), cancellationToken);
    }

    public Task SetPhaseAsync(long runId, ReconciliationPhase phase, CancellationToken cancellationToken) =>
        connections.WriteAsync((c, t) => c.Execute(dialect.SetRunPhase, dialect.Parameters(new { RunId = runId, Phase = phase.ToString() }), t), cancellationToken);

    public async Task<IReadOnlyList<ReconciliationItem>> UnhealedDriftAsync(long runId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(dialect.SelectUnhealedDrift, dialect.Parameters(new { RunId = runId, Max = max }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }

    public Task MarkHealedAsync(long runId, IReadOnlyList<string> itemKeys, string messageId, CancellationToken cancellationToken)
    {
        var keys = JsonSerializer.Serialize(itemKeys);
        return connections.WriteAsync((c, t) => c.Execute(dialect.MarkItemsHealed, dialect.Parameters(new { RunId = runId, Keys = keys, MessageId = messageId }), t), cancellationToken);
    }

    public Task FinishAsync(long runId, ReconciliationStatus status, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        connections.WriteAsync((c, t) => c.Execute(dialect.FinishRun, dialect.Parameters(new { RunId = runId, Status = status.ToString(), Error = error, Now = dialect.Time(now) }), t), cancellationToken);

    public async Task<IReadOnlyList<ClassCount>> CountsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(dialect.CountItems, dialect.Parameters(new { RunId = runId }), cancellationToken: cancellationToken));
        return rows.Select(r => new ClassCount(Enum.Parse<ReconciliationClass>(r.Class), r.Count)).OrderBy(c => c.Class).ToList();
    }

    public async Task<long> HealedCountAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.CountHealed, dialect.Parameters(new { RunId = runId }), cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ReconciliationItem>> ItemsAsync(long runId, ReconciliationClass? onlyClass, string? afterKey, int max, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            dialect.SelectItems, dialect.Parameters(new { RunId = runId, Class = onlyClass?.ToString(), After = afterKey, Max = max }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }

    private static string Rows(IReadOnlyList<ReconciledLevel> levels) =>
        JsonSerializer.Serialize(levels.Select(l => new { k = l.ItemKey, s = l.Sku, l = l.Location, q = l.Quantity, d = l.Detail }));

    private sealed class RunRow
    {
        public long RunId { get; set; }

        public string Channel { get; set; } = "";

        public string Status { get; set; } = "";

        public string Phase { get; set; } = "";

        public string TriggerBy { get; set; } = "";

        public bool Heal { get; set; }

        public object StartedAt { get; set; } = "";

        public object? FinishedAt { get; set; }

        public string? PageToken { get; set; }

        public long Pages { get; set; }

        public long LevelsRead { get; set; }

        public string? Error { get; set; }

        public ReconciliationRun ToRun() => new(
            RunId,
            Channel,
            Enum.Parse<ReconciliationStatus>(Status),
            Enum.Parse<ReconciliationPhase>(Phase),
            TriggerBy,
            Heal,
            SqlDialect.ReadTime(StartedAt),
            SqlDialect.ReadNullableTime(FinishedAt),
            PageToken,
            (int)Pages,
            LevelsRead,
            Error);
    }

    private sealed class ItemRow
    {
        public string ItemKey { get; set; } = "";

        public string Class { get; set; } = "";

        public string? Sku { get; set; }

        public string? Location { get; set; }

        public long? ErpQuantity { get; set; }

        public long? StoreQuantity { get; set; }

        public string? Detail { get; set; }

        public string? HealedBy { get; set; }

        public ReconciliationItem ToItem() => new(ItemKey, Enum.Parse<ReconciliationClass>(Class), Sku, Location, ErpQuantity, StoreQuantity, Detail, HealedBy);
    }

    private sealed class PayloadRow
    {
        public string Payload { get; set; } = "";

        public string? DocumentType { get; set; }
    }

    private sealed class CountRow
    {
        public string Class { get; set; } = "";

        public long Count { get; set; }
    }
}
