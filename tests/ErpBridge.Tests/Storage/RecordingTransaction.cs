using System.Data;
using System.Data.Common;

namespace ErpBridge.Tests.Storage;

/// <summary>A transaction of a <see cref="RecordingConnection"/>: nothing to commit or roll back.</summary>
public sealed class RecordingTransaction(RecordingConnection connection, IsolationLevel isolationLevel) : DbTransaction
{
    public override IsolationLevel IsolationLevel => isolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }
}
