using System.Collections.Concurrent;

namespace ErpBridge.Delivery;

/// <summary>
/// Where maps run: on threads of each channel's own (<see cref="DedicatedThreadScheduler"/>), so that a CPU-bound map
/// holds neither the scheduler's job threads, the thread pool that answers status calls, nor another channel's maps.
/// A map runs under its message's budget; when the map does not stop at the budget's end, the message is settled
/// anyway and only that channel's thread stays busy until the map returns.
/// </summary>
public sealed class MapThreads(int threadsPerChannel) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DedicatedThreadScheduler>> channels = new(StringComparer.Ordinal);

    /// <summary>Map threads running a map now, over every channel.</summary>
    public int Busy => channels.Values.Where(c => c.IsValueCreated).Sum(c => c.Value.Busy);

    /// <summary>Runs <paramref name="map"/> on one of the channel's map threads; the budget's clock starts when it begins.</summary>
    /// <exception cref="OperationCanceledException">The budget ran out or the run was cancelled.</exception>
    public async Task<T> RunAsync<T>(string channel, MessageBudget budget, Func<CancellationToken, T> map)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var token = budget.Token;
        var work = Task.Factory.StartNew(
            () =>
            {
                budget.Start();
                return map(token);
            },
            token,
            TaskCreationOptions.DenyChildAttach,
            For(channel));
        return await work.WaitAsync(token);
    }

    public void Dispose()
    {
        foreach (var channel in channels.Values.Where(c => c.IsValueCreated))
        {
            channel.Value.Dispose();
        }
    }

    private DedicatedThreadScheduler For(string channel) =>
        channels.GetOrAdd(channel, c => new Lazy<DedicatedThreadScheduler>(() => new DedicatedThreadScheduler($"map {c}", threadsPerChannel))).Value;
}
