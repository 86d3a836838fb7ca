using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Storage;

public sealed partial class SqliteDialect(string synchronous = "Full") : SqlDialect
{
    public override string Name => "Sqlite";

    public override string MigrationFolder => "sqlite";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override bool OneWritingProcess => true;

    public override async Task PrepareAsync(DbConnection connection, bool writer, CancellationToken cancellationToken)
    {
        var pragmas = writer
            ? $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 2000; PRAGMA journal_size_limit = 67108864;"
            : "PRAGMA busy_timeout = 10000;";
        await connection.ExecuteAsync(new CommandDefinition(pragmas, cancellationToken: cancellationToken));
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

    // SQLite has no time type: ISO text, which compares in time order.
    public override object Time(DateTimeOffset value) => JsonTime(value);

    // SQLite has one writer at a time (concurrent transactions would wait on its busy handler's sleeps), so it
    // accepts in batches. WHERE true: SQLite's documented way to keep an upsert after INSERT ... SELECT unambiguous.
    public override string InsertMessageBatch =>
        $"""
        INSERT INTO messages ({MessageColumns})
        SELECT r.value ->> 'id', r.value ->> 'type', r.value ->> 'doc', r.value ->> 'src', r.value ->> 'client', r.value ->> 'sent',
               r.value ->> 'received', r.value ->> 'hash', r.value ->> 'cid', r.value ->> 'payload', r.value ->> 'canonical'
        FROM json_each(@Rows) AS r WHERE true ORDER BY r.key
        ON CONFLICT (message_id) DO NOTHING
        RETURNING message_id, message_seq
        """;

    // The message's creation is not audited: the delivery row, created Pending at created_at, tells it (see SelectHistory).
    public override string InsertDeliveryBatch =>
        """
        INSERT INTO deliveries (message_seq, message_id, channel, status, attempts, created_at, next_attempt_at)
        SELECT r.value ->> 's', r.value ->> 'm', r.value ->> 'c', 'Pending', 0, r.value ->> 't', r.value ->> 't'
        FROM json_each(@Rows) AS r ORDER BY r.key
        """;

    // Deliveries are keyed by the message's sequence (see migration 0005); the MessageId finds it.
    protected override string OfMessage => "message_seq = (SELECT message_seq FROM messages WHERE message_id = @MessageId)";

    public override string LeaseChannel =>
        """
        INSERT INTO channel_leases (channel, holder, until) VALUES (@Channel, @Holder, @Until)
        ON CONFLICT (channel) DO UPDATE SET holder = excluded.holder, until = excluded.until
        WHERE channel_leases.holder = excluded.holder OR channel_leases.until < @Now;
        SELECT holder FROM channel_leases WHERE channel = @Channel;
        """;

    public override string ClaimDeliveries =>
        """
        UPDATE deliveries SET status = 'InProgress', claimed_by = @Worker, claimed_until = @Until,
               attempts = attempts + 1, unfinished_claims = unfinished_claims + 1
        WHERE delivery_id IN (
            SELECT delivery_id FROM deliveries
            WHERE channel = @Channel AND status IN ('Pending', 'RetryScheduled') AND next_attempt_at <= @Now
            UNION ALL
            SELECT delivery_id FROM deliveries
            WHERE channel = @Channel AND status = 'InProgress' AND claimed_until < @Now
            ORDER BY 1 LIMIT @Max)
        RETURNING delivery_id AS DeliveryId, message_id AS MessageId, attempts - 1 AS Attempts, unfinished_claims - 1 AS UnfinishedClaims,
                  COALESCE(retry_from, created_at) AS RetryFrom
        """;

    protected override string JsonIds(string parameter) => $"SELECT value FROM json_each({parameter})";

    public override string SelectMessagesById =>
        """
        SELECT message_id AS MessageId, message_type AS MessageType, document_type AS DocumentType, sent_at AS SentAt,
               received_at AS ReceivedAt, payload AS Payload, canonical AS Canonical
        FROM messages WHERE message_id IN (SELECT value FROM json_each(@Ids))
        """;

    public override string SelectItemVersions =>
        """
        SELECT item_key AS ItemKey, sent_at AS SentAt, received_at AS ReceivedAt, message_id AS MessageId
        FROM item_versions WHERE channel = @Channel AND item_key IN (SELECT value FROM json_each(@Keys))
        """;

    public override string CompleteDeliveries =>
        """
        INSERT INTO delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT d.delivery_id, d.message_id, d.channel, d.status, r.value ->> 's', @Now, r.value ->> 'x'
        FROM json_each(@Rows) AS r JOIN deliveries AS d ON d.delivery_id = r.value ->> 'd'
        WHERE d.status = 'InProgress' AND d.claimed_by = @Worker
        ORDER BY r.key;
        UPDATE deliveries SET status = r.value ->> 's', attempts = r.value ->> 'a', next_attempt_at = r.value ->> 'n',
               last_attempt_at = @Now, last_error = r.value ->> 'e', claimed_by = NULL, claimed_until = NULL, unfinished_claims = 0
        FROM json_each(@Rows) AS r
        WHERE deliveries.delivery_id = r.value ->> 'd' AND deliveries.status = 'InProgress' AND deliveries.claimed_by = @Worker;
        SELECT changes();
        """;

    public override string UpsertItemVersions =>
        """
        INSERT INTO item_versions (channel, item_key, sent_at, received_at, message_id)
        SELECT @Channel, r.value ->> 'k', r.value ->> 's', r.value ->> 'r', r.value ->> 'm' FROM json_each(@Rows) AS r WHERE true
        ON CONFLICT (channel, item_key) DO UPDATE SET sent_at = excluded.sent_at, received_at = excluded.received_at, message_id = excluded.message_id
        WHERE excluded.sent_at > item_versions.sent_at OR (excluded.sent_at = item_versions.sent_at AND excluded.received_at > item_versions.received_at)
        """;

    // SQLite changes a table's keys by rebuilding it, which its documentation does with foreign keys off and a
    // foreign key check before commit.
    public override string BeforeMigrations => "PRAGMA foreign_keys = OFF";

    public override string MigrationCheck => "PRAGMA foreign_key_check";

    public override string AfterMigrations => "PRAGMA foreign_keys = ON";

    public override string CreateMigrationTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
