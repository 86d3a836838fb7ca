using System.Collections.Concurrent;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>The API requests received, newest last, bounded so that a long run does not grow without end.</summary>
internal sealed class MagentoRequestLog(int capacity)
{
    private readonly ConcurrentQueue<MagentoRequest> entries = new();
    private long total;

    public long Total => Interlocked.Read(ref total);

    public void Add(MagentoRequest entry)
    {
        entries.Enqueue(entry);
        Interlocked.Increment(ref total);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<MagentoRequest> Snapshot() => [.. entries];

    public void Clear() => entries.Clear();
}
