namespace ErpBridge.Tests.Storage;

/// <summary>
/// A database the storage suite runs against: SQLite always, PostgreSQL when ERPBRIDGE_TEST_POSTGRES holds an Npgsql
/// connection string, SQL Server when ERPBRIDGE_TEST_SQLSERVER holds one (each test creates and drops its own database
/// there). In CI (CI=true) the PostgreSQL suite never skips: .ci/run starts a cluster for it, and without one it fails.
/// </summary>
public sealed record StorageTarget(string Name)
{
    public const string SqlServerVariable = "ERPBRIDGE_TEST_SQLSERVER";

    public const string PostgreSqlVariable = "ERPBRIDGE_TEST_POSTGRES";

    public static IEnumerable<StorageTarget> All() => [new("Sqlite"), new("PostgreSql"), new("SqlServer")];

    public override string ToString() => Name;
}
