using System.Security.Cryptography;
using System.Text;
using Dapper;
using ErpBridge.Core.Security;

namespace ErpBridge.Storage;

/// <summary>
/// Digest nonces in the database (migration 0012), so that a replay is refused on every node and after a restart. A
/// use is one statement whose key decides; expired nonces go in small batches alongside a use, now and then.
/// </summary>
public sealed class SqlNonceStore : INonceStore
{
    /// <summary>Expired nonces deleted at most per purge.</summary>
    public const int PurgeBatch = 500;

    /// <summary>How often expired nonces are purged while none are left behind.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly SqlDialect dialect;
    private readonly SqlConnections connections;
    private long nextPurgeTicks;

    /// <param name="messages">The message store whose writer takes the writes where it has one (SQLite).</param>
    public SqlNonceStore(SqlDialect dialect, StorageOptions options, SqlMessageStore messages)
    {
        this.dialect = dialect;
        connections = new SqlConnections(dialect, options, messages);
    }

    public async ValueTask<bool> TryUseAsync(string key, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var use = dialect.Parameters(new { Hash = Hash(key), Now = dialect.Time(now), Expires = dialect.Time(expires) });
        var purge = PurgeDue(now) ? dialect.Parameters(new { Now = dialect.Time(now), Max = PurgeBatch }) : null;
        var (used, purged) = await connections.WriteAsync(
            (c, t) => (c.Execute(dialect.UseNonce, use, t), purge is null ? 0 : c.Execute(dialect.PurgeNonces, purge, t)),
            cancellationToken);
        if (purged == PurgeBatch)
        {
            // More are waiting: the next use purges again rather than a minute later.
            Interlocked.Exchange(ref nextPurgeTicks, 0);
        }

        return used == 1;
    }

    /// <summary>Fixed-length and without the nonce itself: SHA-256 of the user name and the nonce's bytes, in hex.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether this use purges too: once per interval, one use only when several arrive at once.</summary>
    private bool PurgeDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextPurgeTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref nextPurgeTicks, (now + PurgeInterval).UtcTicks, due) == due;
    }
}
