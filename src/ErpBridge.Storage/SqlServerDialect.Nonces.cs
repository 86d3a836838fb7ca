namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    // HOLDLOCK: two nodes presenting the same nonce at once are serialised on its key, so exactly one inserts it.
    public override string UseNonce =>
        """
        MERGE dbo.digest_nonces WITH (HOLDLOCK) AS t
        USING (SELECT @Hash AS nonce_hash) AS s ON t.nonce_hash = s.nonce_hash
        WHEN MATCHED AND t.expires_at < @Now THEN UPDATE SET created_at = @Now, expires_at = @Expires
        WHEN NOT MATCHED THEN INSERT (nonce_hash, created_at, expires_at) VALUES (@Hash, @Now, @Expires);
        """;

    // READPAST: rows an insert holds are left for the next purge instead of waited for.
    public override string PurgeNonces =>
        "DELETE TOP (@Max) FROM dbo.digest_nonces WITH (READPAST) WHERE expires_at < @Now";
}
