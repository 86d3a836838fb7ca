using System.Collections.Concurrent;

namespace ErpBridge.Storage;

/// <summary>
/// The channels of the order numbers looked up so far, kept where only this process writes the database (SQLite, one
/// node by nature). Every shipment is resolved to its order's channel before its receipt, and on SQLite that read per
/// request, between the group commits, costs far more than its own time (see docs/performance.md); the cache leaves
/// the accept path with the writer alone. Only found numbers are kept (an unknown number is asked again, so that an
/// order fetched a moment later is found). Every write that creates or changes orders and every purge of orders
/// forgets everything: a number may have gained a second channel (then it is ambiguous) or lost its order.
/// </summary>
internal sealed class OrderNumberCache
{
    // Bounds the memory of a long-running node; past it the cache starts again empty, which costs one read per number.
    private const int MaxNumbers = 100_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> channels = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;

    /// <summary>The generation a look-up starts in: answers read in an older one are not kept.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(string orderNumber, out IReadOnlyList<string> found) => channels.TryGetValue(orderNumber, out found!);

    /// <summary>Keeps the answers read from the database, unless orders were written since <paramref name="readIn"/>.</summary>
    public void Keep(long readIn, IReadOnlyDictionary<string, IReadOnlyList<string>> found)
    {
        lock (gate)
        {
            // Under the lock that Forget takes, so that no answer read before a write is kept after it.
            if (readIn != generation)
            {
                return;
            }

            if (channels.Count + found.Count > MaxNumbers)
            {
                channels.Clear();
            }

            foreach (var (number, list) in found)
            {
                channels[number] = list;
            }
        }
    }

    /// <summary>Forgets every number: called once orders were written or purged.</summary>
    public void Forget()
    {
        lock (gate)
        {
            generation++;
            channels.Clear();
        }
    }
}
