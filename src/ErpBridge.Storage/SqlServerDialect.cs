using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect : SqlDialect
{
    private readonly Func<string, DbConnection> connect;

    public SqlServerDialect()
        : this(connectionString => new SqlConnection(connectionString))
    {
    }

    /// <summary>Connections from elsewhere: lets tests record the commands the stores send, with no server to send them to.</summary>
    internal SqlServerDialect(Func<string, DbConnection> connect) => this.connect = connect;

    public override string Name => "SqlServer";

    public override string MigrationFolder => "sqlserver";

    public override DbConnection CreateConnection(string connectionString) => connect(connectionString);

    public override object Time(DateTimeOffset value) => value.UtcDateTime;

    protected override string Table(string name) => "dbo." + name;

    // UPDLOCK + HOLDLOCK make the existence check and the insert one atomic step under concurrency;
    // the primary key stays the final guard (its violation is read as a duplicate). Message ids and channel names
    // compare as binary (see the migration), as on SQLite.
    public override string InsertMessageIfAbsent =>
        $"""
        INSERT INTO dbo.messages ({MessageColumns})
        SELECT {MessageValues}
        WHERE NOT EXISTS (SELECT 1 FROM dbo.messages WITH (UPDLOCK, HOLDLOCK) WHERE message_id = @MessageId);
        """;

    public override string InsertDeliveries =>
        """
        INSERT INTO dbo.deliveries (message_id, channel, status, attempts, created_at, next_attempt_at)
        SELECT @MessageId, c.[value], N'Pending', 0, @Now, @Now FROM OPENJSON(@Channels) AS c ORDER BY CAST(c.[key] AS INT);
        """;

    public override string LeaseChannel =>
        """
        MERGE dbo.channel_leases WITH (HOLDLOCK) AS t
        USING (SELECT @Channel AS channel) AS s ON t.channel = s.channel
        WHEN MATCHED AND (t.holder = @Holder OR t.until < @Now) THEN UPDATE SET holder = @Holder, until = @Until
        WHEN NOT MATCHED THEN INSERT (channel, holder, until) VALUES (@Channel, @Holder, @Until);
        SELECT holder FROM dbo.channel_leases WHERE channel = @Channel;
        """;

    // READPAST skips rows other workers hold; UPDLOCK keeps the chosen rows from being claimed twice.
    // The deliveries table has a trigger (migration 0019, the settled tallies), and SQL Server takes no OUTPUT without
    // INTO on a table with triggers: the claimed rows go through a table variable.
    public override string ClaimDeliveries =>
        """
        DECLARE @claimed TABLE (DeliveryId BIGINT NOT NULL, MessageId NVARCHAR(128) NOT NULL, Attempts INT NOT NULL, UnfinishedClaims INT NOT NULL, RetryFrom DATETIME2(7) NOT NULL);
        WITH due AS (
            SELECT TOP (@Max) delivery_id, message_id, status, claimed_by, claimed_until, attempts, unfinished_claims, retry_from, created_at
            FROM dbo.deliveries WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE channel = @Channel
              AND ((status IN (N'Pending', N'RetryScheduled') AND next_attempt_at <= @Now) OR (status = N'InProgress' AND claimed_until < @Now))
            ORDER BY delivery_id)
        UPDATE due SET status = N'InProgress', claimed_by = @Worker, claimed_until = @Until,
                       attempts = attempts + 1, unfinished_claims = unfinished_claims + 1
        OUTPUT inserted.delivery_id AS DeliveryId, inserted.message_id AS MessageId, inserted.attempts - 1 AS Attempts,
               inserted.unfinished_claims - 1 AS UnfinishedClaims, COALESCE(inserted.retry_from, inserted.created_at) AS RetryFrom
        INTO @claimed (DeliveryId, MessageId, Attempts, UnfinishedClaims, RetryFrom);
        SELECT DeliveryId, MessageId, Attempts, UnfinishedClaims, RetryFrom FROM @claimed;
        """;

    protected override string JsonIds(string parameter) => $"SELECT CAST([value] AS BIGINT) FROM OPENJSON({parameter})";

    public override string SelectMessagesById =>
        """
        SELECT message_id AS MessageId, message_type AS MessageType, document_type AS DocumentType, sent_at AS SentAt,
               received_at AS ReceivedAt, payload AS Payload, canonical AS Canonical
        FROM dbo.messages WHERE message_id IN (SELECT [value] FROM OPENJSON(@Ids))
        """;

    public override string SelectItemVersions =>
        """
        SELECT item_key AS ItemKey, sent_at AS SentAt, received_at AS ReceivedAt, message_id AS MessageId
        FROM dbo.item_versions WHERE channel = @Channel AND item_key IN (SELECT [value] FROM OPENJSON(@Keys))
        """;

    // Times in the JSON rows are ISO 8601 text (SqlDialect.JsonTime), read with CONVERT style 127 whatever the login's
    // language and date format. The table variable is not @rows: variable names compare without case on most servers,
    // and @Rows is the parameter.
    public override string CompleteDeliveries =>
        """
        DECLARE @outcomes TABLE (d BIGINT PRIMARY KEY, s NVARCHAR(32), a INT, n DATETIME2(7), e NVARCHAR(MAX), x NVARCHAR(MAX), k INT);
        INSERT INTO @outcomes (d, s, a, n, e, x, k)
        SELECT j.d, j.s, j.a, CONVERT(DATETIME2(7), j.n, 127), j.e, j.x, CAST(r.[key] AS INT)
        FROM OPENJSON(@Rows) AS r
        CROSS APPLY OPENJSON(r.[value]) WITH (d BIGINT '$.d', s NVARCHAR(32) '$.s', a INT '$.a', n NVARCHAR(40) '$.n', e NVARCHAR(MAX) '$.e', x NVARCHAR(MAX) '$.x') AS j;
        INSERT INTO dbo.delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT d.delivery_id, d.message_id, d.channel, d.status, r.s, @Now, r.x
        FROM @outcomes AS r JOIN dbo.deliveries AS d ON d.delivery_id = r.d
        WHERE d.status = N'InProgress' AND d.claimed_by = @Worker
        ORDER BY r.k;
        UPDATE d SET status = r.s, attempts = r.a, next_attempt_at = r.n, last_attempt_at = @Now, last_error = r.e, claimed_by = NULL, claimed_until = NULL,
                     unfinished_claims = 0
        FROM dbo.deliveries AS d JOIN @outcomes AS r ON d.delivery_id = r.d
        WHERE d.status = N'InProgress' AND d.claimed_by = @Worker;
        SELECT @@ROWCOUNT;
        """;

    // The rows are one per key (the store keeps the newest per key before it writes): MERGE refuses a key twice. Times
    // as in CompleteDeliveries.
    public override string UpsertItemVersions =>
        """
        MERGE dbo.item_versions WITH (HOLDLOCK) AS t
        USING (SELECT k, CONVERT(DATETIME2(7), s, 127) AS s, CONVERT(DATETIME2(7), r, 127) AS r, m
               FROM OPENJSON(@Rows) WITH (k NVARCHAR(400) '$.k', s NVARCHAR(40) '$.s', r NVARCHAR(40) '$.r', m NVARCHAR(128) '$.m')) AS src
        ON t.channel = @Channel AND t.item_key = src.k
        WHEN MATCHED AND (src.s > t.sent_at OR (src.s = t.sent_at AND src.r > t.received_at)) THEN
            UPDATE SET sent_at = src.s, received_at = src.r, message_id = src.m
        WHEN NOT MATCHED THEN
            INSERT (channel, item_key, sent_at, received_at, message_id) VALUES (@Channel, src.k, src.s, src.r, src.m);
        """;

    public override string SelectDeadLetters =>
        """
        SELECT TOP (@Limit) d.delivery_id AS DeliveryId, d.message_id AS MessageId, d.channel AS Channel, m.message_type AS MessageType,
               d.attempts AS Attempts, d.last_attempt_at AS LastAttemptAt, d.last_error AS LastError
        FROM dbo.deliveries AS d JOIN dbo.messages AS m ON m.message_id = d.message_id
        WHERE d.status = N'Failed' AND (@Channel IS NULL OR d.channel = @Channel)
        ORDER BY d.delivery_id
        """;

    public override string CreateMigrationTable =>
        """
        IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
            CREATE TABLE dbo.schema_migrations (version INT NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2(7) NOT NULL);
        """;

    public override string MigrationLock =>
        """
        DECLARE @lock INT;
        EXEC @lock = sp_getapplock @Resource = N'erpbridge-migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000;
        IF @lock < 0 THROW 50000, N'The migration lock was not granted within 60 s; another node may be migrating.', 1;
        """;

    /// <summary>
    /// The message's primary key was violated (2627 names the constraint): another node stored this MessageId first.
    /// Other unique violations are not duplicates and stay errors.
    /// </summary>
    public static bool IsDuplicateMessage(Exception exception) =>
        exception is SqlException { Number: 2627 } sql && sql.Message.Contains("pk_messages", StringComparison.Ordinal);
}
