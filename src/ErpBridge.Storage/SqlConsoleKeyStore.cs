using Dapper;
using ErpBridge.Core.Operators;

namespace ErpBridge.Storage;

/// <summary>The operator console's key ring over any <see cref="SqlDialect"/> (migration 0020).</summary>
public sealed class SqlConsoleKeyStore : IConsoleKeyStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    /// <param name="messages">The message store whose writer takes the writes where it has one (SQLite).</param>
    public SqlConsoleKeyStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(dialect.SelectConsoleKeys, cancellationToken: cancellationToken))).ToList();
    }

    public Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parameters = dialect.Parameters(new { Name = name, Now = dialect.Time(at), Xml = xml });
        return connections.WriteAsync((c, t) => c.Execute(dialect.InsertConsoleKey, parameters, t), cancellationToken);
    }
}
