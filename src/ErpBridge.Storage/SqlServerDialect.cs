using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ErpBridge.Storage;

public sealed class SqlServerDialect : SqlDialect
{
    public override string Name => "SqlServer";

    public override string MigrationFolder => "sqlserver";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

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
        INSERT INTO dbo.deliveries (message_id, channel, status, ordering_key, attempts, created_at, next_attempt_at)
        SELECT @MessageId, c.[value], N'Pending', NULL, 0, @Now, @Now FROM OPENJSON(@Channels) AS c ORDER BY CAST(c.[key] AS INT);
        INSERT INTO dbo.delivery_audit (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT d.delivery_id, d.message_id, d.channel, NULL, N'Pending', @Now, N'accepted'
        FROM dbo.deliveries AS d WHERE d.message_id = @MessageId ORDER BY d.delivery_id;
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
