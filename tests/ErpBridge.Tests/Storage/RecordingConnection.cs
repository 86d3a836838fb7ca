using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ErpBridge.Tests.Storage;

/// <summary>A connection that opens nothing: its commands go to a <see cref="CommandRecorder"/>.</summary>
public sealed class RecordingConnection(CommandRecorder recorder) : DbConnection
{
    private ConnectionState state = ConnectionState.Closed;

    [AllowNull]
    public override string ConnectionString { get; set; } = "";

    public override string Database => "recorded";

    public override string DataSource => "recorder";

    public override string ServerVersion => "16.00.0000";

    public override ConnectionState State => state;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Close() => state = ConnectionState.Closed;

    public override void Open() => state = ConnectionState.Open;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(recorder, this);
}
