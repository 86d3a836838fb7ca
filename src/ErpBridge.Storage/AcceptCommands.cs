using System.Data.Common;
using System.Text.Json;
using ErpBridge.Core.Intake;

namespace ErpBridge.Storage;

/// <summary>
/// The accept of one message inside a caller's transaction (dialects without batch accept, i.e. SQL Server).
/// Idempotency rests on the primary key, never on a read first.
/// </summary>
internal sealed class AcceptCommands : IDisposable
{
    private readonly SqlDialect dialect;
    private readonly DbConnection connection;
    private readonly DbCommand insertMessage;
    private readonly DbCommand insertDeliveries;

    public AcceptCommands(SqlDialect dialect, DbConnection connection)
    {
        this.dialect = dialect;
        this.connection = connection;
        insertMessage = Create(dialect.InsertMessageIfAbsent ?? throw new InvalidOperationException($"{dialect.Name} has no per-message accept."), "MessageId", "MessageType", "DocumentType", "SourceSystem", "Client", "SentAt", "ReceivedAt", "ContentHash", "CorrelationId", "Payload", "Canonical");
        insertDeliveries = Create(dialect.InsertDeliveries ?? throw new InvalidOperationException($"{dialect.Name} has no per-message accept."), "MessageId", "Channels", "Now");
    }

    public async Task<AcceptResult> AcceptAsync(DbTransaction transaction, AcceptRequest request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        insertMessage.Transaction = transaction;
        Set(insertMessage, message.MessageId, message.Type.ToString(), message.DocumentType, message.SourceSystem, request.Client, dialect.Time(message.SentAt), dialect.Time(request.ReceivedAt), message.ContentHash, request.CorrelationId, message.Payload, request.Canonical);
        if (await insertMessage.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return await AcceptStatements.ExistingAsync(dialect, connection, transaction, message.MessageId, message.ContentHash, cancellationToken);
        }

        if (request.Channels.Count > 0)
        {
            insertDeliveries.Transaction = transaction;
            Set(insertDeliveries, message.MessageId, JsonSerializer.Serialize(request.Channels), dialect.Time(request.ReceivedAt));
            await insertDeliveries.ExecuteNonQueryAsync(cancellationToken);
        }

        return new AcceptResult(AcceptOutcome.Accepted, request.ReceivedAt, request.Channels);
    }

    public void Dispose()
    {
        insertMessage.Dispose();
        insertDeliveries.Dispose();
    }

    private DbCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.Parameters[i];
            parameter.Value = values[i] ?? DBNull.Value;
            dialect.Type(parameter);
        }
    }
}
