namespace ErpBridge.Core.Security;

/// <summary>
/// Counts failures per key in a fixed window from each key's first failure, in a table of a fixed number of slots:
/// an attacker who brings a new address or user name each time fills no memory. Keys are placed by the process's
/// randomised string hash; keys that share a slot share its count, which can only refuse earlier, never later.
/// </summary>
public sealed class FailureWindows(int slots, int limit, TimeSpan window, TimeProvider time)
{
    private readonly long[] starts = new long[slots];
    private readonly int[] counts = new int[slots];
    private readonly Lock gate = new();

    /// <summary>Whether the key has reached the limit within its current window.</summary>
    public bool IsBlocked(string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        var slot = Slot(key);
        lock (gate)
        {
            return counts[slot] >= limit && now - starts[slot] < window.Ticks;
        }
    }

    public void RecordFailure(string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        var slot = Slot(key);
        lock (gate)
        {
            if (counts[slot] == 0 || now - starts[slot] >= window.Ticks)
            {
                starts[slot] = now;
                counts[slot] = 1;
            }
            else if (counts[slot] < int.MaxValue)
            {
                counts[slot]++;
            }
        }
    }

    private int Slot(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)slots);
}
