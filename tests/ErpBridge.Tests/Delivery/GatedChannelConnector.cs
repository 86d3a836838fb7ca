using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// A connector whose store takes as long as the test says: every plan waits until <see cref="Open"/> (or until the
/// call is cancelled), then is delivered. <see cref="Entered"/> tells that the first plan is on its way.
/// </summary>
public sealed class GatedChannelConnector(string channel) : IChannelConnector
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Channel { get; } = channel;

    public string Platform => "fake";

    public ConcurrentQueue<RequestPlan> Executed { get; } = new();

    public Task Entered => entered.Task;

    public void Open() => gate.TrySetResult();

    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        Executed.Enqueue(plan);
        entered.TrySetResult();
        await gate.Task.WaitAsync(cancellationToken);
        return new DeliveryOutcome.Delivered(new Dictionary<string, string>());
    }

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The delivery tests do not dry-run.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
