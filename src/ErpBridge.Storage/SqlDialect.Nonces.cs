namespace ErpBridge.Storage;

/// <summary>
/// Digest nonces every node shares (issue 16, migration 0012): a nonce is used once, on whichever node, also after a
/// restart. The defaults are the upsert SQLite and PostgreSQL share; SQL Server overrides them.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// Records the nonce @Hash as used at @Now until @Expires, in one statement that affects one row when the nonce is
    /// new (or its earlier use has expired) and none when it is a replay: the key decides, atomically, never a read first.
    /// </summary>
    public virtual string UseNonce =>
        $"""
        INSERT INTO {Table("digest_nonces")} (nonce_hash, created_at, expires_at) VALUES (@Hash, @Now, @Expires)
        ON CONFLICT (nonce_hash) DO UPDATE SET created_at = excluded.created_at, expires_at = excluded.expires_at
        WHERE {Table("digest_nonces")}.expires_at < excluded.created_at
        """;

    /// <summary>Deletes up to @Max nonces expired before @Now: small batches, so that the intake never waits long behind it.</summary>
    public virtual string PurgeNonces =>
        $"""
        DELETE FROM {Table("digest_nonces")}
        WHERE nonce_hash IN (SELECT nonce_hash FROM {Table("digest_nonces")} WHERE expires_at < @Now ORDER BY expires_at LIMIT @Max)
        """;

    private IEnumerable<(string Name, string Sql)> NonceStatements()
    {
        yield return (nameof(UseNonce), UseNonce);
        yield return (nameof(PurgeNonces), PurgeNonces);
    }
}
