using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>The status and body of a response, or the failure (<see cref="Failure"/> set) that a request came to.</summary>
internal sealed record TransportResult(int? Status, byte[] Body, DeliveryOutcome? Failure)
{
    public static TransportResult Failed(DeliveryOutcome failure) => new(null, [], failure);
}
