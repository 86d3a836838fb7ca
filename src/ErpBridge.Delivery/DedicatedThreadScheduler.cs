using System.Collections.Concurrent;

namespace ErpBridge.Delivery;

/// <summary>
/// Runs tasks on threads of its own, never on the .NET thread pool nor inline on the caller's thread: a CPU-bound map
/// that runs for seconds then holds one of these threads, not a thread that Kestrel, Quartz or another channel needs.
/// Threads are started as work arrives, up to <paramref name="maxThreads"/>, and live as long as the scheduler.
/// </summary>
public sealed class DedicatedThreadScheduler(string name, int maxThreads) : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> queue = [];
    private int threads;
    private int idle;

    public override int MaximumConcurrencyLevel => maxThreads;

    /// <summary>Threads started so far.</summary>
    public int Threads => Volatile.Read(ref threads);

    /// <summary>Threads running a task now.</summary>
    public int Busy => Volatile.Read(ref threads) - Volatile.Read(ref idle);

    public void Dispose()
    {
        queue.CompleteAdding();
    }

    protected override void QueueTask(Task task)
    {
        queue.Add(task);
        if (Volatile.Read(ref idle) > 0)
        {
            return;
        }

        if (Interlocked.Increment(ref threads) > maxThreads)
        {
            Interlocked.Decrement(ref threads);
            return;
        }

        Interlocked.Increment(ref idle);
        new Thread(Run) { IsBackground = true, Name = $"{name} {Threads}" }.Start();
    }

    // Never inline: the caller may be a thread pool thread, which is what this scheduler keeps free.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Run()
    {
        foreach (var task in queue.GetConsumingEnumerable())
        {
            Interlocked.Decrement(ref idle);
            TryExecuteTask(task);
            Interlocked.Increment(ref idle);
        }
    }
}
