using Dapper;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Storage;

/// <summary>The message store over any <see cref="SqlDialect"/>.</summary>
public sealed class SqlMessageStore : IMessageStore, IAsyncDisposable
{
    private readonly SqlDialect dialect;
    private readonly string connectionString;
    private readonly GroupCommitWriter? writer;
    private readonly BackgroundCheckpointer? checkpointer;
    private int disposed;

    public SqlMessageStore(SqlDialect dialect, StorageOptions options, ILogger<SqlMessageStore> logger)
    {
        this.dialect = dialect;
        connectionString = options.ConnectionString;
        writer = dialect.InsertMessageBatch is not null ? new GroupCommitWriter(dialect, connectionString, options.MaxAcceptBatch, logger) : null;
        checkpointer = dialect.Checkpoint is { } checkpoint ? new BackgroundCheckpointer(dialect, connectionString, checkpoint, logger) : null;
        OrderNumbers = dialect.OneWritingProcess ? new OrderNumberCache() : null;
    }

    /// <summary>The order numbers' channels as looked up, where only this process writes the database; else null.</summary>
    internal OrderNumberCache? OrderNumbers { get; }

    public Task<AcceptResult> AcceptAsync(AcceptRequest request, CancellationToken cancellationToken) =>
        writer is not null ? writer.AcceptAsync(request, cancellationToken) : AcceptInOwnTransactionAsync(request, cancellationToken);

    public async Task<MessageStatusView?> GetStatusAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var message = await connection.QuerySingleOrDefaultAsync<StatusMessageRow>(new CommandDefinition(
            dialect.SelectStatusMessage, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        if (message is null)
        {
            return null;
        }

        var deliveries = await connection.QueryAsync<StatusDeliveryRow>(new CommandDefinition(
            dialect.SelectStatusDeliveries, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken));
        var items = (await connection.QueryAsync<StatusItemRow>(new CommandDefinition(
                dialect.SelectMessageItems, dialect.Parameters(new { MessageId = messageId }), cancellationToken: cancellationToken)))
            .ToLookup(i => i.Channel, i => i.ToView(), StringComparer.Ordinal);
        return new MessageStatusView(
            message.MessageId,
            Enum.Parse<MessageType>(message.MessageType),
            SqlDialect.ReadTime(message.ReceivedAt),
            deliveries.Select(d => new DeliveryView(
                d.Channel,
                Enum.Parse<DeliveryStatus>(d.Status),
                (int)d.Attempts,
                SqlDialect.ReadNullableTime(d.LastAttemptAt),
                SqlDialect.ReadNullableTime(d.NextAttemptAt),
                d.LastError,
                items[d.Channel].ToList())).ToList());
    }

    /// <summary>
    /// Runs a write on the accept writer's connection where there is one (SQLite: one writer at a time); null where
    /// writes go on connections of their own (SQL Server).
    /// </summary>
    internal Task<T>? TryWriteOnWriter<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, T> work) =>
        writer?.WriteAsync(work);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        if (writer?.Broken is { } broken)
        {
            throw GroupCommitWriter.Stopped(broken);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.Ping, cancellationToken: cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and as IMessageStore, so the container may dispose it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        if (checkpointer is not null)
        {
            await checkpointer.DisposeAsync();
        }
    }

    private async Task<AcceptResult> AcceptInOwnTransactionAsync(AcceptRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            using var commands = new AcceptCommands(dialect, connection);
            var result = await commands.AcceptAsync(transaction, request, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (SqlServerDialect.IsDuplicateMessage(ex))
        {
            // Another node inserted the same MessageId between our check and insert: it is theirs.
            var hash = request.Message.ContentHash;
            return await AcceptStatements.ExistingAsync(dialect, connection, null, request.Message.MessageId, hash, cancellationToken);
        }
    }

    private Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        dialect.OpenAsync(connectionString, writer: false, cancellationToken);

    private sealed class StatusMessageRow
    {
        public string MessageId { get; set; } = "";

        public string MessageType { get; set; } = "";

        public object ReceivedAt { get; set; } = "";
    }

    private sealed class StatusDeliveryRow
    {
        public string Channel { get; set; } = "";

        public string Status { get; set; } = "";

        public long Attempts { get; set; }

        public object? LastAttemptAt { get; set; }

        public object? NextAttemptAt { get; set; }

        public string? LastError { get; set; }
    }
}
