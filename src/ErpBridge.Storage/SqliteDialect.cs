using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Storage;

public sealed class SqliteDialect(string synchronous = "Full") : SqlDialect
{
    public override string Name => "Sqlite";

    public override string MigrationFolder => "sqlite";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task PrepareAsync(DbConnection connection, bool writer, CancellationToken cancellationToken)
    {
        var pragmas = writer
            ? $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 2000; PRAGMA journal_size_limit = 67108864;"
            : "PRAGMA busy_timeout = 10000;";
        await connection.ExecuteAsync(new CommandDefinition(pragmas, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// With Full durability the writer commits with synchronous = NORMAL and the store syncs the write-ahead log
    /// itself before it answers: one sync then covers every batch committed while the previous one ran.
    /// </summary>
    public override string? LogFileToSync(DbConnection writer)
    {
        if (synchronous != "Full")
        {
            return null;
        }

        // The main database's file as SQLite resolved it (URI file names and relative paths included); empty for a
        // memory database, which has nothing to sync.
        var file = writer.Query<(long Seq, string Name, string File)>("PRAGMA database_list").Single(d => d.Name == "main").File;
        return string.IsNullOrEmpty(file) ? null : file + "-wal";
    }

    // A background connection checkpoints every 250 ms, off the commit path; the writer's own checkpoint at 2,000
    // pages only finishes what is left, so that the log can restart and stays bounded under sustained load.
    public override string? Checkpoint => "PRAGMA wal_checkpoint(PASSIVE)";

    public override object Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // SQLite has one writer at a time (concurrent transactions would wait on its busy handler's sleeps), so it
    // accepts in batches. WHERE true: SQLite's documented way to keep an upsert after INSERT ... SELECT unambiguous.
    public override string InsertMessageBatch =>
        $"""
        INSERT INTO messages ({MessageColumns})
        SELECT r.value ->> 'id', r.value ->> 'type', r.value ->> 'doc', r.value ->> 'src', r.value ->> 'client', r.value ->> 'sent',
               r.value ->> 'received', r.value ->> 'hash', r.value ->> 'cid', r.value ->> 'payload'
        FROM json_each(@Rows) AS r WHERE true ORDER BY r.key
        ON CONFLICT (message_id) DO NOTHING
        RETURNING message_id
        """;

    public override string InsertDeliveryBatch =>
        """
        INSERT INTO deliveries (message_id, channel, status, ordering_key, attempts, created_at, next_attempt_at)
        SELECT r.value ->> 'm', r.value ->> 'c', 'Pending', NULL, 0, r.value ->> 't', r.value ->> 't'
        FROM json_each(@Rows) AS r ORDER BY r.key;
        INSERT INTO delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT d.delivery_id, d.message_id, d.channel, NULL, 'Pending', d.created_at, 'accepted'
        FROM json_each(@Rows) AS r
        JOIN deliveries AS d ON d.message_id = r.value ->> 'm' AND d.channel = r.value ->> 'c'
        ORDER BY d.delivery_id;
        """;

    public override string CreateMigrationTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
