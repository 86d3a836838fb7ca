namespace ErpBridge.Core.Threading;

/// <summary>
/// A first-in first-out queue whose consumers are threads of their own that block while it is empty, without spinning
/// first. <c>BlockingCollection</c>, <c>SemaphoreSlim.Wait</c> and a synchronous wait on a channel's
/// <c>WaitToReadAsync</c> all spin before they block: a thread that goes idle many times a second (the accept writer
/// between rounds, a channel's map threads between maps) then burns a core's worth of spinning that the requests and
/// maps it waits for need. Waking a blocked thread costs a few microseconds more than catching it while it spins.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
public sealed class WaitingQueue<T>
{
    private readonly Queue<T> items = new();
    private readonly object gate = new();
    private int waiting;
    private bool completed;

    /// <summary>Items waiting now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    /// <summary>Adds an item; false once <see cref="Complete"/> was called.</summary>
    public bool TryAdd(T item)
    {
        lock (gate)
        {
            if (completed)
            {
                return false;
            }

            items.Enqueue(item);
            if (waiting > 0)
            {
                Monitor.Pulse(gate);
            }

            return true;
        }
    }

    /// <summary>Takes the next item if there is one, without waiting.</summary>
    public bool TryTake(out T item)
    {
        lock (gate)
        {
            return items.TryDequeue(out item!);
        }
    }

    /// <summary>Takes the next item, blocking the calling thread while the queue is empty; false once it is completed and empty.</summary>
    public bool Take(out T item)
    {
        lock (gate)
        {
            while (!items.TryDequeue(out item!))
            {
                if (completed)
                {
                    return false;
                }

                waiting++;
                try
                {
                    Monitor.Wait(gate);
                }
                finally
                {
                    waiting--;
                }
            }

            return true;
        }
    }

    /// <summary>No more items are added; consumers take what is left and then stop.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The waiting items, for diagnostics.</summary>
    public T[] ToArray()
    {
        lock (gate)
        {
            return [.. items];
        }
    }
}
