using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Storage;

public sealed class SqliteDialect(string synchronous = "Full") : SqlDialect
{
    public override string Name => "Sqlite";

    public override string MigrationFolder => "sqlite";

    // SQLite has one writer at a time; concurrent transactions would wait on its busy handler's sleeps.
    public override bool UsesGroupCommit => true;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task PrepareAsync(DbConnection connection, bool writer, CancellationToken cancellationToken)
    {
        var pragmas = writer
            ? $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronous == "Normal" ? "NORMAL" : "FULL")}; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
            : "PRAGMA busy_timeout = 10000;";
        await connection.ExecuteAsync(new CommandDefinition(pragmas, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public override object Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public override string InsertMessageIfAbsent =>
        $"INSERT INTO messages ({MessageColumns}) VALUES ({MessageValues}) ON CONFLICT (message_id) DO NOTHING";

    public override string InsertDeliveries =>
        """
        INSERT INTO deliveries (message_id, channel, status, ordering_key, attempts, created_at, next_attempt_at)
        SELECT @MessageId, c.value, 'Pending', NULL, 0, @Now, @Now FROM json_each(@Channels) AS c ORDER BY c.key;
        INSERT INTO delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT d.delivery_id, d.message_id, d.channel, NULL, 'Pending', @Now, 'accepted'
        FROM deliveries AS d WHERE d.message_id = @MessageId ORDER BY d.delivery_id;
        """;

    public override string CreateMigrationTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
