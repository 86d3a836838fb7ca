namespace ErpBridge.Core.Security;

/// <summary>
/// Digest nonces remembered where every node sees them (the database), so that a UsernameToken is used once across
/// all nodes and restarts (issue 16). The process's own <see cref="NonceCache"/> stays the first, free check.
/// </summary>
public interface INonceStore
{
    /// <summary>
    /// Records the nonce (<paramref name="key"/>: the user name and the nonce's bytes) as used at <paramref name="now"/>
    /// until <paramref name="expires"/>, atomically: true when it was new (or its earlier use has expired), false for a
    /// replay. One statement, no read before it.
    /// </summary>
    ValueTask<bool> TryUseAsync(string key, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken);
}
