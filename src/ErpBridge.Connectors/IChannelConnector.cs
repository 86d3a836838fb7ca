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

    /// <summary>
    /// Why stock at this ERP location is not for this channel (it is left out of the channel's messages and recorded as
    /// skipped, not failed), or null when the channel takes it. By default a channel takes every location: one it does
    /// not know is looked up on the store, and an unknown one fails its item alone.
    /// </summary>
    string? DeclinedLocation(string location) => null;
}

/// <summary>Makes the connector for a channel of one platform.</summary>
public interface IChannelConnectorFactory
{
    string Platform { get; }

    IChannelConnector Create(string channel, Core.Routing.ChannelOptions options);
}

/// <summary>
/// A request as it would be sent. <see cref="SkipReason"/> is set when a condition leaves the call out;
/// <see cref="LeftOut"/> names the items left out of it (an unknown SKU) and why.
/// </summary>
public sealed record PreparedCall(
    string Id,
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? JsonBody,
    string? SkipReason = null,
    string? LeftOut = null);
