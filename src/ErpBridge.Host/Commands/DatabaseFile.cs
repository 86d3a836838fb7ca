using ErpBridge.Storage;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Host.Commands;

/// <summary>The SQLite file a connection string names, resolved the way the store opens it.</summary>
public static class DatabaseFile
{
    /// <summary>
    /// The full path of the configured SQLite database, or null when there is no file to check (a server database, an
    /// in-memory or URI data source). A relative path resolves against the current folder, as SQLite resolves it
    /// when the store opens the connection.
    /// </summary>
    public static string? PathOf(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider != "Sqlite")
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(storage.ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetFullPath(source);
    }
}
