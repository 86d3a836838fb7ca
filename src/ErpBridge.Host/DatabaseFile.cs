using ErpBridge.Storage;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Host;

/// <summary>The SQLite file a connection string names, resolved against the install folder.</summary>
public static class DatabaseFile
{
    /// <summary>
    /// The full path of the configured SQLite database, or null when there is no file to check (a server database, an
    /// in-memory or URI data source). A relative path resolves against <paramref name="folder"/> (the host's content
    /// root, the install folder), never the working directory: a Windows service starts in System32.
    /// </summary>
    public static string? PathOf(StorageOptions storage, string folder)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider != StorageOptions.Sqlite)
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

        return Path.GetFullPath(source, folder);
    }

    /// <summary>
    /// The connection string with its SQLite data source made absolute under <paramref name="folder"/>, so that the
    /// store, the migrations and the commands open the same file whatever the working directory; any other
    /// connection string (or one SQLite cannot parse, which the store reports when it opens it) as it is.
    /// </summary>
    public static string Rooted(StorageOptions storage, string folder)
    {
        ArgumentNullException.ThrowIfNull(storage);
        try
        {
            return PathOf(storage, folder) is { } path
                ? new SqliteConnectionStringBuilder(storage.ConnectionString) { DataSource = path }.ConnectionString
                : storage.ConnectionString;
        }
        catch (ArgumentException)
        {
            return storage.ConnectionString;
        }
    }
}
