using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors;

/// <summary>
/// One configured store. Long-lived: it owns the channel's HTTP client, its id cache and its rate-limit state.
/// Safe to call from several threads at once.
/// </summary>
public interface IChannelConnector : IAsyncDisposable
{
    string Channel { get; }

    string Platform { get; }

    /// <summary>
    /// Resolves the plan's references (looking ids up on the platform, cached), then makes its calls in order,
    /// paced to the channel's rate limit. Never throws for platform behaviour: 429/5xx/timeouts/connection errors
    /// are <see cref="DeliveryOutcome.TransientFailure"/>, validation errors and unknown SKUs are
    /// <see cref="DeliveryOutcome.PermanentFailure"/> with the platform's own message. Calls are not retried inside.
    /// </summary>
    Task<DeliveryOutcome> ExecuteAsync(RequestPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Dry run: resolves the references (look-ups are made, nothing is changed) and returns the exact requests
    /// <see cref="ExecuteAsync"/> would send. Credentials in headers are masked.
    /// </summary>
    Task<IReadOnlyList<PreparedCall>> PrepareAsync(RequestPlan plan, CancellationToken cancellationToken);
}

/// <summary>Makes the connector for a channel of one platform.</summary>
public interface IChannelConnectorFactory
{
    string Platform { get; }

    IChannelConnector Create(string channel, Core.Routing.ChannelOptions options);
}

/// <summary>A request as it would be sent. <see cref="SkipReason"/> is set when a condition leaves the call out.</summary>
public sealed record PreparedCall(
    string Id,
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? JsonBody,
    string? SkipReason = null);
