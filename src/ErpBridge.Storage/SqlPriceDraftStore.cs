using System.Text.Json;
using Dapper;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Storage;

/// <summary>Products drafted for lack of a price over any <see cref="SqlDialect"/> (migration 0015).</summary>
public sealed class SqlPriceDraftStore : IPriceDraftStore
{
    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;

    /// <param name="messages">The message store whose writer takes the writes where it has one (SQLite).</param>
    public SqlPriceDraftStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async Task<IReadOnlySet<string>> FindAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        if (skus.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition(
            dialect.SelectPriceDrafts, dialect.Parameters(new { Channel = channel, Skus = Json(skus) }), cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public Task UpdateAsync(string channel, IReadOnlyCollection<string> drafted, IReadOnlyCollection<string> cleared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafted);
        ArgumentNullException.ThrowIfNull(cleared);
        if (drafted.Count == 0 && cleared.Count == 0)
        {
            return Task.CompletedTask;
        }

        var insert = drafted.Count == 0 ? null : dialect.Parameters(new { Channel = channel, Skus = Json(drafted), Now = dialect.Time(now) });
        var delete = cleared.Count == 0 ? null : dialect.Parameters(new { Channel = channel, Skus = Json(cleared) });
        return connections.WriteAsync(
            (c, t) => (delete is null ? 0 : c.Execute(dialect.DeletePriceDrafts, delete, t)) + (insert is null ? 0 : c.Execute(dialect.InsertPriceDrafts, insert, t)),
            cancellationToken);
    }

    /// <summary>The SKUs as a JSON array, each once.</summary>
    private static string Json(IReadOnlyCollection<string> skus) => JsonSerializer.Serialize(skus.Distinct(StringComparer.Ordinal));
}
