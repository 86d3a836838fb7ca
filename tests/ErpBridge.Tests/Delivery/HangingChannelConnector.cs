using System.Collections.Concurrent;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// A connector whose store never answers a plan carrying "SLOW" (until the call is cancelled), and answers every
/// other plan with what <paramref name="answer"/> says (delivered by default).
/// </summary>
public sealed class HangingChannelConnector(string channel, Func<RequestPlan, DeliveryOutcome>? answer = null) : IChannelConnector
{
    public string Channel { get; } = channel;

    public string Platform => "fake";

    public ConcurrentQueue<RequestPlan> Executed { get; } = new();

    /// <summary>What the store answers from now on (e.g. the credentials work again).</summary>
    public Func<RequestPlan, DeliveryOutcome> Answer { get; set; } = answer ?? (_ => new DeliveryOutcome.Delivered(new Dictionary<string, string>()));

    public async Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken)
    {
        Executed.Enqueue(plan);
        if (FakeMessageMaps.SkusOf(plan).Split(',').Contains("SLOW"))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Answer(plan);
    }

    public Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The delivery tests do not dry-run.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
