using System.Data.Common;
using Dapper;
using ErpBridge.Core.Intake;

namespace ErpBridge.Storage;

/// <summary>What an accept reads when the MessageId was stored before.</summary>
internal static class AcceptStatements
{
    public static async Task<AcceptResult> ExistingAsync(SqlDialect dialect, DbConnection connection, DbTransaction? transaction, string messageId, string contentHash, CancellationToken cancellationToken)
    {
        var stored = await connection.QuerySingleAsync<StoredMessageRow>(new CommandDefinition(
            dialect.SelectStoredMessage, dialect.Parameters(new { MessageId = messageId }), transaction, cancellationToken: cancellationToken));
        var channels = await connection.QueryAsync<string>(new CommandDefinition(
            dialect.SelectChannels, dialect.Parameters(new { MessageId = messageId }), transaction, cancellationToken: cancellationToken));
        return Result(stored, channels.ToList(), contentHash);
    }

    public static AcceptResult Existing(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string messageId, string contentHash)
    {
        var stored = connection.QuerySingle<StoredMessageRow>(dialect.SelectStoredMessage, dialect.Parameters(new { MessageId = messageId }), transaction);
        var channels = connection.Query<string>(dialect.SelectChannels, dialect.Parameters(new { MessageId = messageId }), transaction).ToList();
        return Result(stored, channels, contentHash);
    }

    private static AcceptResult Result(StoredMessageRow stored, List<string> channels, string contentHash)
    {
        var outcome = string.Equals(stored.ContentHash.Trim(), contentHash, StringComparison.Ordinal) ? AcceptOutcome.Duplicate : AcceptOutcome.Conflict;
        return new AcceptResult(outcome, SqlDialect.ReadTime(stored.ReceivedAt), channels);
    }

    private sealed class StoredMessageRow
    {
        public string ContentHash { get; set; } = "";

        public object ReceivedAt { get; set; } = "";
    }
}
