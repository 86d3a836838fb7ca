using ErpBridge.Core.Security;

namespace ErpBridge.Tests.Core;

/// <summary>A shared nonce store in memory, standing for the database every node sees; counts what it is asked.</summary>
public sealed class FakeNonceStore : INonceStore
{
    public HashSet<string> Used { get; } = [];

    public List<(string Key, DateTimeOffset Now, DateTimeOffset Expires)> Asked { get; } = [];

    public ValueTask<bool> TryUseAsync(string key, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        Asked.Add((key, now, expires));
        return ValueTask.FromResult(Used.Add(key));
    }
}
