using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The write requests received, newest last, bounded so that a long benchmark does not grow without end.</summary>
internal sealed class WriteLog(int capacity)
{
    private readonly ConcurrentQueue<SandboxWriteRequest> entries = new();
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(SandboxWriteRequest entry)
    {
        entries.Enqueue(entry);
        Interlocked.Increment(ref total);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<SandboxWriteRequest> Snapshot() => [.. entries];

    public void Clear() => entries.Clear();
}
