using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The API requests received, newest last, bounded so that a long benchmark does not grow without end.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly ConcurrentQueue<SandboxRequest> entries = new();
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(SandboxRequest entry)
    {
        entries.Enqueue(entry);
        Interlocked.Increment(ref total);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot() => [.. entries];

    public void Clear() => entries.Clear();
}
