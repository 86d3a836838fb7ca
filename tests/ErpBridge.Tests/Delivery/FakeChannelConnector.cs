using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Delivery;

/// <summary>A connector that records the plans it is given and answers each with what the test says.</summary>
public sealed class FakeChannelConnector(string channel, Func<RequestPlan, DeliveryOutcome>? answer = null) : IChannelConnector
{
    private readonly Func<RequestPlan, DeliveryOutcome> answer = answer ?? (_ => new DeliveryOutcome.Delivered(new Dictionary<string, string>()));

    public string Channel { get; } = channel;

    public string Platform => "fake";

    public ConcurrentQueue<RequestPlan> Executed { get; } = new();

    /// <summary>Why the channel does not take a location (null: it takes it); by default it takes every location.</summary>
    public Func<string, string?> Declines { get; init; } = _ => null;

    public string? DeclinedLocation(string location) => Declines(location);

    public Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        Executed.Enqueue(plan);
        return Task.FromResult(answer(plan));
    }

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The delivery tests do not dry-run.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
