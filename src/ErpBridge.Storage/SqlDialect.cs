using System.Data.Common;
using System.Globalization;

namespace ErpBridge.Storage;

/// <summary>
/// The SQL every database shares, with what differs overridden per database (as Quartz.NET's delegates do).
/// Statements use Dapper parameters (@Name).
/// </summary>
public abstract partial class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Folder of this dialect's migration scripts among the embedded resources.</summary>
    public abstract string MigrationFolder { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>
    /// The file the store must sync to disk before it answers, where the writer's commits do not sync it themselves;
    /// else null. Asked of the open writer connection, so that it names the file the database really uses.
    /// </summary>
    public virtual string? LogFileToSync(DbConnection writer) => null;

    /// <summary>A statement that moves committed log pages into the database, run in the background; null where the database does it itself.</summary>
    public virtual string? Checkpoint => null;

    /// <summary>
    /// Whether only this process writes the database (SQLite: one node by nature), so that reads only its own writes
    /// can change may be answered from memory.
    /// </summary>
    public virtual bool OneWritingProcess => false;

    /// <summary>Per-connection settings, run after opening.</summary>
    public virtual Task PrepareAsync(DbConnection connection, bool writer, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A new connection, opened and prepared: so that no connection the stores use misses its settings.</summary>
    public async Task<DbConnection> OpenAsync(string connectionString, bool writer, CancellationToken cancellationToken)
    {
        var connection = CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await PrepareAsync(connection, writer, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Value to bind for a UTC time.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>A time as read back from the database.</summary>
    public static DateTimeOffset ReadTime(object value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto.ToUniversalTime(),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"Cannot read a time from {value.GetType().Name}."),
    };

    public static DateTimeOffset? ReadNullableTime(object? value) => value is null or DBNull ? null : ReadTime(value);

    protected virtual string Table(string name) => name;

    /// <summary>
    /// Per-message accept (each request its own transaction): inserts the message unless its MessageId exists,
    /// affecting one row or none, atomically. A dialect offers this pair or the batch pair below.
    /// </summary>
    public virtual string? InsertMessageIfAbsent => null;

    /// <summary>
    /// Inserts the deliveries of a just-inserted message, one per channel of the JSON array @Channels, in its order:
    /// one statement for any number of channels. A delivery's creation is read from the delivery (see SelectHistory).
    /// </summary>
    public virtual string? InsertDeliveries => null;

    /// <summary>
    /// Batch accept, for databases with one writer at a time (SQLite), where one connection commits the waiting
    /// requests together: inserts the messages of the JSON array @Rows that are new and returns their MessageIds and
    /// sequence numbers.
    /// </summary>
    public virtual string? InsertMessageBatch => null;

    /// <summary>
    /// Inserts the deliveries of the JSON array @Rows ({s: the message's sequence as the batch insert returned it,
    /// m: MessageId, c: channel, t: time}).
    /// </summary>
    public virtual string? InsertDeliveryBatch => null;

    public virtual string SelectStoredMessage =>
        $"SELECT content_hash AS ContentHash, received_at AS ReceivedAt FROM {Table("messages")} WHERE message_id = @MessageId";

    /// <summary>The condition on deliveries that picks those of the message @MessageId.</summary>
    protected virtual string OfMessage => "message_id = @MessageId";

    public virtual string SelectChannels =>
        $"SELECT channel FROM {Table("deliveries")} WHERE {OfMessage} ORDER BY delivery_id";

    public virtual string SelectStatusMessage =>
        $"SELECT message_id AS MessageId, message_type AS MessageType, received_at AS ReceivedAt FROM {Table("messages")} WHERE message_id = @MessageId";

    public virtual string SelectStatusDeliveries =>
        $"""
        SELECT channel AS Channel, status AS Status, attempts AS Attempts, last_attempt_at AS LastAttemptAt,
               next_attempt_at AS NextAttemptAt, last_error AS LastError
        FROM {Table("deliveries")} WHERE {OfMessage} ORDER BY delivery_id
        """;

    /// <summary>Reads a table of ours, so that a database that answers but is not ours (or was replaced) is unhealthy.</summary>
    public virtual string Ping => $"SELECT COUNT(*) FROM {Table("schema_migrations")}";

    public abstract string CreateMigrationTable { get; }

    public virtual string SelectAppliedMigrations => $"SELECT version FROM {Table("schema_migrations")}";

    public virtual string InsertMigration =>
        $"INSERT INTO {Table("schema_migrations")} (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    /// <summary>Run on the migration connection before the first migration; null where nothing needs setting.</summary>
    public virtual string? BeforeMigrations => null;

    /// <summary>Run on the migration connection after the migrations, to undo <see cref="BeforeMigrations"/>.</summary>
    public virtual string? AfterMigrations => null;

    /// <summary>Run before each migration commits: any row it returns is a broken constraint, and the migration is rolled back.</summary>
    public virtual string? MigrationCheck => null;

    /// <summary>Taken inside the migration transaction so that two nodes starting at once migrate one after the other.</summary>
    public virtual string? MigrationLock => null;

    // ---- Delivery ----

    /// <summary>Takes or renews the lease on @Channel for @Holder until @Until unless another holder's lease runs past @Now; then reads the holder.</summary>
    public abstract string LeaseChannel { get; }

    public virtual string ReleaseChannel => $"DELETE FROM {Table("channel_leases")} WHERE channel = @Channel AND holder = @Holder";

    /// <summary>
    /// Marks up to @Max due deliveries of @Channel (or expired claims) InProgress for @Worker until @Until, counting an
    /// attempt and an unfinished claim on each, and returns them with the counts before this claim and when their
    /// retries began.
    /// </summary>
    public abstract string ClaimDeliveries { get; }

    /// <summary>
    /// Gives back the claims of @Worker on the deliveries of the JSON array @Ids, undoing the claim's counts, due at
    /// @Now (RetryScheduled when they carry an earlier failure, else Pending).
    /// </summary>
    public virtual string ReleaseDeliveries =>
        $"""
        UPDATE {Table("deliveries")}
        SET status = CASE WHEN last_error IS NULL THEN 'Pending' ELSE 'RetryScheduled' END, next_attempt_at = @Now,
            attempts = attempts - 1, unfinished_claims = unfinished_claims - 1, claimed_by = NULL, claimed_until = NULL
        WHERE delivery_id IN ({JsonIds("@Ids")}) AND status = 'InProgress' AND claimed_by = @Worker
        """;

    /// <summary>The numbers of a JSON array parameter as a subquery.</summary>
    protected abstract string JsonIds(string parameter);

    /// <summary>The messages named by the JSON array @Ids.</summary>
    public abstract string SelectMessagesById { get; }

    /// <summary>The item versions of @Channel for the keys of the JSON array @Keys.</summary>
    public abstract string SelectItemVersions { get; }

    /// <summary>Writes outcomes (JSON array @Rows: d id, m message, s status, a attempts, n next attempt, e error, x detail) held by @Worker, with audit rows.</summary>
    public abstract string CompleteDeliveries { get; }

    /// <summary>Raises the item versions of @Channel to those of the JSON array @Rows (k key, s sent, r received, m message) where newer.</summary>
    public abstract string UpsertItemVersions { get; }

    public virtual string SelectDeadLetters =>
        $"""
        SELECT d.delivery_id AS DeliveryId, d.message_id AS MessageId, d.channel AS Channel, m.message_type AS MessageType,
               d.attempts AS Attempts, d.last_attempt_at AS LastAttemptAt, d.last_error AS LastError
        FROM {Table("deliveries")} AS d JOIN {Table("messages")} AS m ON m.message_id = d.message_id
        WHERE d.status = 'Failed' AND (@Channel IS NULL OR d.channel = @Channel)
        ORDER BY d.delivery_id LIMIT @Limit
        """;

    /// <summary>Audits and resets Failed deliveries matching @MessageId / @Channel (null = any) to Pending at @Now, their retries beginning afresh.</summary>
    public virtual string ResubmitDeliveries =>
        $"""
        INSERT INTO {Table("delivery_audit")} (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT delivery_id, message_id, channel, status, 'Pending', @Now, 'resubmitted by an operator'
        FROM {Table("deliveries")}
        WHERE status = 'Failed' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel);
        UPDATE {Table("deliveries")} SET status = 'Pending', attempts = 0, unfinished_claims = 0, retry_from = @Now, next_attempt_at = @Now,
               claimed_by = NULL, claimed_until = NULL
        WHERE status = 'Failed' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel);
        """;

    /// <summary>
    /// The message's history: each delivery's creation (read from the delivery itself, which is created Pending when
    /// the message is accepted), then the audited changes in the order they happened. Audit rows without a from-status
    /// are creations that older versions also wrote to the audit table; the delivery row tells the same.
    /// </summary>
    public virtual string SelectHistory =>
        $"""
        SELECT channel AS Channel, from_status AS FromStatus, to_status AS ToStatus, at AS At, detail AS Detail, 1 AS Part, audit_id AS Position
        FROM {Table("delivery_audit")}
        WHERE delivery_id IN (SELECT delivery_id FROM {Table("deliveries")} WHERE {OfMessage}) AND from_status IS NOT NULL
        UNION ALL
        SELECT channel, NULL, 'Pending', created_at, 'accepted', 0, delivery_id
        FROM {Table("deliveries")} WHERE {OfMessage}
        ORDER BY Part, Position
        """;

    public virtual string CountDeliveries =>
        $"SELECT channel AS Channel, status AS Status, COUNT(*) AS Count FROM {Table("deliveries")} GROUP BY channel, status ORDER BY channel, status";

    /// <summary>Every statement this dialect can run, for syntax checks in tests.</summary>
    public IEnumerable<(string Name, string Sql)> Statements()
    {
        if (InsertMessageIfAbsent is { } messageIfAbsent && InsertDeliveries is { } deliveries)
        {
            yield return (nameof(InsertMessageIfAbsent), messageIfAbsent);
            yield return (nameof(InsertDeliveries), deliveries);
        }

        if (InsertMessageBatch is { } messageBatch && InsertDeliveryBatch is { } deliveryBatch)
        {
            yield return (nameof(InsertMessageBatch), messageBatch);
            yield return (nameof(InsertDeliveryBatch), deliveryBatch);
        }

        yield return (nameof(SelectStoredMessage), SelectStoredMessage);
        yield return (nameof(SelectChannels), SelectChannels);
        yield return (nameof(SelectStatusMessage), SelectStatusMessage);
        yield return (nameof(SelectStatusDeliveries), SelectStatusDeliveries);
        yield return (nameof(Ping), Ping);
        yield return (nameof(LeaseChannel), LeaseChannel);
        yield return (nameof(ReleaseChannel), ReleaseChannel);
        yield return (nameof(ClaimDeliveries), ClaimDeliveries);
        yield return (nameof(ReleaseDeliveries), ReleaseDeliveries);
        yield return (nameof(SelectMessagesById), SelectMessagesById);
        yield return (nameof(SelectItemVersions), SelectItemVersions);
        yield return (nameof(CompleteDeliveries), CompleteDeliveries);
        yield return (nameof(UpsertItemVersions), UpsertItemVersions);
        yield return (nameof(SelectDeadLetters), SelectDeadLetters);
        yield return (nameof(ResubmitDeliveries), ResubmitDeliveries);
        yield return (nameof(SelectHistory), SelectHistory);
        yield return (nameof(CountDeliveries), CountDeliveries);
        foreach (var statement in PauseStatements().Concat(OrderStatements()).Concat(ReconciliationStatements()).Concat(ItemStatements()).Concat(AuditStatements()).Concat(RetentionStatements()).Concat(LeaseStatements()).Concat(NonceStatements()).Concat(PriceDraftStatements()).Concat(ConsoleStatements()).Concat(AlertStatements()).Concat(MonitoringStatements()))
        {
            yield return statement;
        }

        yield return (nameof(CreateMigrationTable), CreateMigrationTable);
        yield return (nameof(SelectAppliedMigrations), SelectAppliedMigrations);
        yield return (nameof(InsertMigration), InsertMigration);
        (string Name, string? Sql)[] optional =
        [
            (nameof(MigrationLock), MigrationLock),
            (nameof(BeforeMigrations), BeforeMigrations),
            (nameof(MigrationCheck), MigrationCheck),
            (nameof(AfterMigrations), AfterMigrations),
        ];
        foreach (var (name, sql) in optional)
        {
            if (sql is not null)
            {
                yield return (name, sql);
            }
        }
    }

    protected const string MessageColumns =
        "message_id, message_type, document_type, source_system, client, sent_at, received_at, content_hash, correlation_id, payload, canonical";

    protected const string MessageValues =
        "@MessageId, @MessageType, @DocumentType, @SourceSystem, @Client, @SentAt, @ReceivedAt, @ContentHash, @CorrelationId, @Payload, @Canonical";
}
