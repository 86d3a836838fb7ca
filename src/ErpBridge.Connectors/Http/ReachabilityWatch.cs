namespace ErpBridge.Connectors.Http;

/// <summary>What <see cref="ConnectorTransport.WatchReachability"/> saw: the first reason a request reached no store, if any.</summary>
internal sealed class ReachabilityWatch(Action end) : IDisposable
{
    private string? unreachable;

    /// <summary>Why the store could not be reached, or null when every request got an answer.</summary>
    public string? Unreachable => Volatile.Read(ref unreachable);

    public void Saw(string reason) => Interlocked.CompareExchange(ref unreachable, reason, null);

    public void Dispose() => end();
}
