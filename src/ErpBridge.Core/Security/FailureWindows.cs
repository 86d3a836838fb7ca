namespace ErpBridge.Core.Security;

/// <summary>
/// Counts failures per key in a fixed window from each key's first failure, in a table of a fixed number of slots:
/// an attacker who brings a new address or user name each time fills no memory. Each key counts in two slots chosen
/// by two independent hashes of the process's randomised string hash, and is blocked only when both of its slots are
/// (a count-min sketch): sharing a slot with a busy key can only refuse earlier, never later, and two keys share both
/// of their slots about once in the square of the table's size rather than once in its size.
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
        var (first, second) = Slots(key);
        lock (gate)
        {
            return IsSlotBlocked(first, now) && IsSlotBlocked(second, now);
        }
    }

    public void RecordFailure(string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        var (first, second) = Slots(key);
        lock (gate)
        {
            RecordInSlot(first, now);
            if (second != first)
            {
                RecordInSlot(second, now);
            }
        }
    }

    private bool IsSlotBlocked(int slot, long now) => counts[slot] >= limit && now - starts[slot] < window.Ticks;

    private void RecordInSlot(int slot, long now)
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

    private (int First, int Second) Slots(string key)
    {
        var hash = StringComparer.Ordinal.GetHashCode(key);

        // The second slot mixes all 32 bits of the hash with the process's random seed, so keys whose hashes agree in
        // the low bits that place the first slot still land apart in the second.
        var mixed = HashCode.Combine(hash);
        return ((int)((uint)hash % (uint)slots), (int)((uint)mixed % (uint)slots));
    }
}
