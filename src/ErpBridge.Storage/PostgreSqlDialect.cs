using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace ErpBridge.Storage;

/// <summary>
/// PostgreSQL (Npgsql). Each accept is a transaction of its own on a pooled connection, as on SQL Server: the server
/// takes concurrent writers, and its own group commit syncs the commits that arrive together. Claims skip the rows
/// other nodes hold (FOR UPDATE SKIP LOCKED). Times are the same fixed-width ISO 8601 text as on SQLite (see migration
/// 0001), JSON arrays arrive as text parameters read through jsonb.
/// </summary>
public sealed partial class PostgreSqlDialect : SqlDialect
{
    public override string Name => "PostgreSql";

    public override string MigrationFolder => "postgres";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override object Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // ON CONFLICT waits for a concurrent insert of the same MessageId to commit and then inserts nothing: the caller
    // reads the stored message as a duplicate, no error to catch.
    public override string InsertMessageIfAbsent =>
        $"""
        INSERT INTO messages ({MessageColumns})
        VALUES ({MessageValues})
        ON CONFLICT (message_id) DO NOTHING
        """;

    public override string InsertDeliveries =>
        """
        INSERT INTO deliveries (message_id, channel, status, attempts, created_at, next_attempt_at)
        SELECT @MessageId, c.value, 'Pending', 0, @Now, @Now
        FROM jsonb_array_elements_text(CAST(@Channels AS jsonb)) WITH ORDINALITY AS c(value, position) ORDER BY c.position
        """;

    // Nothing comes back when another holder's lease still runs: the caller compares the holder with itself.
    public override string LeaseChannel =>
        """
        INSERT INTO channel_leases (channel, holder, until) VALUES (@Channel, @Holder, @Until)
        ON CONFLICT (channel) DO UPDATE SET holder = excluded.holder, until = excluded.until
        WHERE channel_leases.holder = excluded.holder OR channel_leases.until < @Now
        RETURNING holder
        """;

    // SKIP LOCKED passes over rows another worker is claiming; the row locks keep the chosen ones from being claimed twice.
    public override string ClaimDeliveries =>
        """
        WITH due AS (
            SELECT delivery_id AS due_id FROM deliveries
            WHERE channel = @Channel
              AND ((status IN ('Pending', 'RetryScheduled') AND next_attempt_at <= @Now) OR (status = 'InProgress' AND claimed_until < @Now))
            ORDER BY delivery_id LIMIT @Max
            FOR UPDATE SKIP LOCKED)
        UPDATE deliveries SET status = 'InProgress', claimed_by = @Worker, claimed_until = @Until,
               attempts = attempts + 1, unfinished_claims = unfinished_claims + 1
        FROM due WHERE delivery_id = due.due_id
        RETURNING delivery_id AS DeliveryId, message_id AS MessageId, attempts - 1 AS Attempts, unfinished_claims - 1 AS UnfinishedClaims,
                  COALESCE(retry_from, created_at) AS RetryFrom
        """;

    protected override string JsonIds(string parameter) => $"SELECT CAST(value AS bigint) FROM {JsonValues(parameter)}";

    public override string SelectMessagesById =>
        $"""
        SELECT message_id AS MessageId, message_type AS MessageType, document_type AS DocumentType, sent_at AS SentAt,
               received_at AS ReceivedAt, payload AS Payload, canonical AS Canonical
        FROM messages WHERE message_id IN (SELECT value FROM {JsonValues("@Ids")})
        """;

    public override string SelectItemVersions =>
        $"""
        SELECT item_key AS ItemKey, sent_at AS SentAt, received_at AS ReceivedAt, message_id AS MessageId
        FROM item_versions WHERE channel = @Channel AND item_key IN (SELECT value FROM {JsonValues("@Keys")})
        """;

    // One statement, so that the count comes back as its result. The audit rows are those of the rows the update
    // changed (its RETURNING): a claim another worker took over while this one waited on the row writes no audit.
    // Those rows were InProgress before, which the audit's from-status tells.
    public override string CompleteDeliveries =>
        $"""
        WITH r AS (
            SELECT CAST(j.value ->> 'd' AS bigint) AS d, j.value ->> 's' AS s, CAST(j.value ->> 'a' AS integer) AS a,
                   j.value ->> 'n' AS n, j.value ->> 'e' AS e, j.value ->> 'x' AS x, j.position
            FROM {JsonRows("@Rows")}),
        done AS (
            UPDATE deliveries SET status = r.s, attempts = r.a, next_attempt_at = r.n, last_attempt_at = @Now, last_error = r.e,
                   claimed_by = NULL, claimed_until = NULL, unfinished_claims = 0
            FROM r
            WHERE deliveries.delivery_id = r.d AND deliveries.status = 'InProgress' AND deliveries.claimed_by = @Worker
            RETURNING deliveries.delivery_id, deliveries.message_id, deliveries.channel, r.s, r.x, r.position),
        audit AS (
            INSERT INTO delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
            SELECT delivery_id, message_id, channel, 'InProgress', s, @Now, x FROM done ORDER BY position)
        SELECT COUNT(*) FROM done
        """;

    public override string UpsertItemVersions =>
        $"""
        INSERT INTO item_versions (channel, item_key, sent_at, received_at, message_id)
        SELECT @Channel, j.value ->> 'k', j.value ->> 's', j.value ->> 'r', j.value ->> 'm' FROM {JsonRows("@Rows")}
        ON CONFLICT (channel, item_key) DO UPDATE SET sent_at = excluded.sent_at, received_at = excluded.received_at, message_id = excluded.message_id
        WHERE excluded.sent_at > item_versions.sent_at OR (excluded.sent_at = item_versions.sent_at AND excluded.received_at > item_versions.received_at)
        """;

    // The lock is taken first in the same implicit transaction: two nodes starting at once would otherwise race to
    // create the table (one failing on the catalog's unique index).
    public override string CreateMigrationTable =>
        $"""
        {MigrationLock};
        CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)
        """;

    /// <summary>A transaction-scoped advisory lock (held until commit or rollback) on a key of ours: one node migrates at a time.</summary>
    public override string MigrationLock => "SELECT pg_advisory_xact_lock(hashtextextended('erpbridge-migrations', 0))";

    /// <summary>The elements of a JSON array parameter of objects, as rows j(value, position).</summary>
    private static string JsonRows(string parameter) =>
        $"jsonb_array_elements(CAST({parameter} AS jsonb)) WITH ORDINALITY AS j(value, position)";

    protected override string JsonValues(string parameter) => $"jsonb_array_elements_text(CAST({parameter} AS jsonb)) AS v(value)";
}
