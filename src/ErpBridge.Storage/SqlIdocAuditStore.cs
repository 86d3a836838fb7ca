using Dapper;
using ErpBridge.Core.Audits;
using ErpBridge.Core.Status;

namespace ErpBridge.Storage;

/// <summary>The ALE audit outbox over any <see cref="SqlDialect"/> (migration 0010).</summary>
public sealed class SqlIdocAuditStore : IIdocAuditStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    public SqlIdocAuditStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async Task<IReadOnlyList<SettledDocument>> FindSettledAsync(string sourceSystem, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var documents = (await connection.QueryAsync<SettledRow>(new CommandDefinition(
            dialect.SelectSettledDocuments,
            dialect.Parameters(new { SourceSystem = sourceSystem, Since = dialect.Time(since), Max = max }),
            cancellationToken: cancellationToken))).ToList();
        var settled = new List<SettledDocument>(documents.Count);
        foreach (var document in documents)
        {
            var rows = await connection.QueryAsync<SettledDeliveryRow>(new CommandDefinition(
                dialect.SelectSettledDeliveries, dialect.Parameters(new { document.MessageId }), cancellationToken: cancellationToken));
            var deliveries = new List<SettledDelivery>();
            foreach (var row in rows)
            {
                string? failedItem = null;
                if (row.FailedItemKey is { } itemKey)
                {
                    var reason = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                        dialect.SelectDeliveryItemReason, dialect.Parameters(new { document.MessageId, row.Channel, ItemKey = itemKey }), cancellationToken: cancellationToken));
                    failedItem = $"{itemKey}: {reason}";
                }

                deliveries.Add(new SettledDelivery(row.Channel, Enum.Parse<DeliveryStatus>(row.Status), row.LastError, failedItem));
            }

            settled.Add(new SettledDocument(document.MessageId, document.SourceSystem, document.DocumentType, document.Payload, deliveries));
        }

        return settled;
    }

    public Task<bool> EnqueueAsync(IdocAuditEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parameters = dialect.Parameters(new
        {
            entry.MessageId,
            entry.SourceSystem,
            entry.Endpoint,
            entry.AuditMessageId,
            entry.IdocStatus,
            entry.Document,
            State = entry.State.ToString(),
            Now = dialect.Time(now),
            Due = entry.State == IdocAuditState.Pending ? dialect.Time(now) : null,
        });
        return connections.WriteAsync((c, t) => c.Execute(dialect.InsertIdocAuditIfAbsent, parameters, t) == 1, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingIdocAudit>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Max = max, Now = dialect.Time(now), Until = dialect.Time(now + lease) });
        return await connections.WriteAsync<IReadOnlyList<PendingIdocAudit>>(
            (c, t) => c.Query<PendingAuditRow>(dialect.ClaimIdocAudits, parameters, t)
                .Select(r => new PendingIdocAudit(r.MessageId, r.Endpoint, r.AuditMessageId, r.Document, r.Attempts))
                .ToList(),
            cancellationToken);
    }

    public Task CompleteAsync(IdocAuditCompletion completion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var parameters = dialect.Parameters(new
        {
            completion.MessageId,
            State = completion.State.ToString(),
            completion.IdocNumber,
            completion.Error,
            RetryAt = completion.RetryAt is { } at ? dialect.Time(at) : null,
            Now = dialect.Time(now),
        });
        return connections.WriteAsync((c, t) => c.Execute(dialect.CompleteIdocAudit, parameters, t), cancellationToken);
    }

    public async Task<IdocAuditView?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AuditViewRow>(new CommandDefinition(dialect.SelectIdocAudit, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        return row is null
            ? null
            : new IdocAuditView(
                row.MessageId, row.SourceSystem, row.State, row.IdocStatus, row.Document, row.Attempts, row.ErpIdocNumber, row.LastError,
                SqlDialect.ReadTime(row.CreatedAt), SqlDialect.ReadNullableTime(row.SentAt));
    }

    // Classes with setters, not positional records: Dapper then converts each column (INTEGER is long on SQLite, int on SQL Server).
    private sealed class SettledRow
    {
        public string MessageId { get; set; } = "";

        public string SourceSystem { get; set; } = "";

        public string DocumentType { get; set; } = "";

        public string Payload { get; set; } = "";
    }

    private sealed class SettledDeliveryRow
    {
        public string Channel { get; set; } = "";

        public string Status { get; set; } = "";

        public string? LastError { get; set; }

        public string? FailedItemKey { get; set; }
    }

    private sealed class PendingAuditRow
    {
        public string MessageId { get; set; } = "";

        public string Endpoint { get; set; } = "";

        public string AuditMessageId { get; set; } = "";

        public string Document { get; set; } = "";

        public int Attempts { get; set; }
    }

    private sealed class AuditViewRow
    {
        public string MessageId { get; set; } = "";

        public string SourceSystem { get; set; } = "";

        public string State { get; set; } = "";

        public string? IdocStatus { get; set; }

        public string? Document { get; set; }

        public int Attempts { get; set; }

        public string? ErpIdocNumber { get; set; }

        public string? LastError { get; set; }

        public object CreatedAt { get; set; } = "";

        public object? SentAt { get; set; }
    }
}
