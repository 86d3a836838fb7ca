using System.Data.Common;

namespace ErpBridge.Storage;

/// <summary>
/// Where the stores' statements run. Each write is atomic on its own: on SQLite a savepoint in the accept writer's
/// next commit (one writer at a time, so writes queue there instead of waiting on the database lock), elsewhere a
/// transaction on a connection of its own. Reads always use their own connection.
/// </summary>
internal sealed class SqlConnections(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
{
    public SqlDialect Dialect => dialect;

    /// <summary>One write: on the accept writer where there is one, else in a transaction on a connection of its own.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken)
    {
        if (messages.TryWriteOnWriter(work) is { } onWriter)
        {
            return await onWriter;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        dialect.OpenAsync(options.ConnectionString, writer: false, cancellationToken);
}
