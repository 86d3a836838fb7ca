using System.Data;
using System.Data.Common;
using ErpBridge.Storage;
using Microsoft.Data.SqlClient;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// Stands in for a SQL Server: the stores' commands are built as they would be sent (real <see cref="SqlParameter"/>s,
/// typed by the dialect), copied here, and answered with the rows a test sets per statement.
/// </summary>
public sealed class CommandRecorder
{
    private readonly Dictionary<string, string> statements;

    public CommandRecorder()
    {
        Dialect = new SqlServerDialect(_ => new RecordingConnection(this));
        statements = Dialect.Statements().ToDictionary(s => s.Sql, s => s.Name, StringComparer.Ordinal);
    }

    public SqlServerDialect Dialect { get; }

    public List<RecordedCommand> Commands { get; } = [];

    /// <summary>The rows a statement returns (its first cell as a scalar); none when not set.</summary>
    public Dictionary<string, DataTable> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows a statement affects; 1 when not set.</summary>
    public Dictionary<string, int> Affected { get; } = new(StringComparer.Ordinal);

    /// <summary>A table of the given rows, its columns the properties of the first.</summary>
    public static DataTable Table(params object[] rows)
    {
        var table = new DataTable();
        foreach (var property in rows[0].GetType().GetProperties())
        {
            table.Columns.Add(property.Name, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.GetType().GetProperties().Select(p => p.GetValue(row) ?? DBNull.Value).ToArray());
        }

        return table;
    }

    internal int NonQuery(DbCommand command) => Affected.GetValueOrDefault(Record(command) ?? "", 1);

    internal object? Scalar(DbCommand command) =>
        Rows.TryGetValue(Record(command) ?? "", out var table) && table.Rows.Count > 0 ? table.Rows[0][0] : null;

    internal DbDataReader Reader(DbCommand command) =>
        (Rows.TryGetValue(Record(command) ?? "", out var table) ? table : new DataTable()).CreateDataReader();

    private string? Record(DbCommand command)
    {
        var statement = statements.GetValueOrDefault(command.CommandText);
        var parameters = command.Parameters.Cast<SqlParameter>().Select(p => (SqlParameter)((ICloneable)p).Clone()).ToList();
        Commands.Add(new RecordedCommand(statement, command.CommandText, parameters));
        return statement;
    }
}
