using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>The requests received, newest last, bounded so that a long run does not grow without end.</summary>
internal sealed class ZohoSandboxRequestLog(int capacity)
{
    private readonly ConcurrentQueue<ZohoSandboxRequest> entries = new();
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(ZohoSandboxRequest entry)
    {
        entries.Enqueue(entry);
        Interlocked.Increment(ref total);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<ZohoSandboxRequest> Snapshot() => [.. entries];

    public void Clear() => entries.Clear();
}
