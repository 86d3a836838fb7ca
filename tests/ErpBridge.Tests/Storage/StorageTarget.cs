namespace ErpBridge.Tests.Storage;

/// <summary>
/// A database the storage suite runs against: SQLite always, SQL Server when ERPBRIDGE_TEST_SQLSERVER holds a
/// connection string (each run creates and drops its own database there).
/// </summary>
public sealed record StorageTarget(string Name)
{
    public const string SqlServerVariable = "ERPBRIDGE_TEST_SQLSERVER";

    public static IEnumerable<StorageTarget> All() => [new("Sqlite"), new("SqlServer")];

    public override string ToString() => Name;
}
