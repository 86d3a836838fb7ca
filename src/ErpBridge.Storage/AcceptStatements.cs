using System.Data.Common;
using Dapper;
using ErpBridge.Core.Intake;

namespace ErpBridge.Storage;

/// <summary>The accept of one message inside a caller's transaction. Idempotency rests on the primary key, never on a read first.</summary>
internal static class AcceptStatements
{
    public static async Task<AcceptResult> AcceptAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, AcceptRequest request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertMessageIfAbsent,
            new
            {
                message.MessageId,
                MessageType = message.Type.ToString(),
                message.DocumentType,
                message.SourceSystem,
                SentAt = dialect.Time(message.SentAt),
                ReceivedAt = dialect.Time(request.ReceivedAt),
                message.ContentHash,
                request.CorrelationId,
                message.Payload,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        if (inserted == 0)
        {
            return await ExistingAsync(dialect, connection, transaction, message.MessageId, message.ContentHash, cancellationToken).ConfigureAwait(false);
        }

        var now = dialect.Time(request.ReceivedAt);
        foreach (var channel in request.Channels)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                dialect.InsertDelivery,
                new { message.MessageId, Channel = channel, OrderingKey = (string?)null, Now = now },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return new AcceptResult(AcceptOutcome.Accepted, request.ReceivedAt, request.Channels);
    }

    public static async Task<AcceptResult> ExistingAsync(SqlDialect dialect, DbConnection connection, DbTransaction? transaction, string messageId, string contentHash, CancellationToken cancellationToken)
    {
        var stored = await connection.QuerySingleAsync<StoredMessageRow>(new CommandDefinition(
            dialect.SelectStoredMessage, new { MessageId = messageId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var channels = await connection.QueryAsync<string>(new CommandDefinition(
            dialect.SelectChannels, new { MessageId = messageId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var outcome = string.Equals(stored.ContentHash.Trim(), contentHash, StringComparison.Ordinal) ? AcceptOutcome.Duplicate : AcceptOutcome.Conflict;
        return new AcceptResult(outcome, SqlDialect.ReadTime(stored.ReceivedAt), channels.ToList());
    }

    private sealed class StoredMessageRow
    {
        public string ContentHash { get; set; } = "";

        public object ReceivedAt { get; set; } = "";
    }
}
