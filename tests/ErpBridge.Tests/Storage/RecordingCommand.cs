using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;

namespace ErpBridge.Tests.Storage;

/// <summary>
/// A command whose parameters are SQL Server's own (a <see cref="SqlParameterCollection"/> of <see cref="SqlParameter"/>s),
/// so that their types are those SqlClient would send; running it hands it to the <see cref="CommandRecorder"/>.
/// </summary>
public sealed class RecordingCommand(CommandRecorder recorder, DbConnection connection) : DbCommand
{
    private readonly SqlCommand holder = new();

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get; set; } = connection;

    protected override DbParameterCollection DbParameterCollection => holder.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery() => recorder.NonQuery(this);

    public override object? ExecuteScalar() => recorder.Scalar(this);

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqlParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => recorder.Reader(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            holder.Dispose();
        }

        base.Dispose(disposing);
    }
}
