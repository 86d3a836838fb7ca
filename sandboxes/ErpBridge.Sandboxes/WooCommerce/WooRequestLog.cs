using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>The API requests received, newest last, bounded so that a long run does not grow without end.</summary>
internal sealed class WooRequestLog(int capacity)
{
    private readonly ConcurrentQueue<WooSandboxRequest> entries = new();
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(WooSandboxRequest entry)
    {
        entries.Enqueue(entry);
        Interlocked.Increment(ref total);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<WooSandboxRequest> Snapshot() => [.. entries];

    public void Clear() => entries.Clear();
}
