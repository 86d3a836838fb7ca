using System.Data.Common;
using System.Globalization;

namespace ErpBridge.Storage;

/// <summary>
/// How values cross into SQL: times as ISO 8601 round-trip text wherever they travel as text (JSON rows, SQLite), and
/// parameters typed by the dialect where the database needs it (SQL Server), never in the current culture's format.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// A UTC time as text inside a JSON row: ISO 8601 with seven fractional digits and Z, the same on every culture and
    /// calendar, which SQLite compares as text and SQL Server reads with CONVERT style 127.
    /// </summary>
    public static string JsonTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The parameters of a statement as this database should receive them, from an object whose properties name them
    /// (@Name): unchanged where the provider's own typing is right, typed explicitly where it is not.
    /// </summary>
    public virtual object Parameters(object values) => values;

    /// <summary>Gives a named parameter, its value set, the database type this dialect binds it as; nothing where the provider's own choice is right.</summary>
    public virtual void Type(DbParameter parameter)
    {
    }
}
