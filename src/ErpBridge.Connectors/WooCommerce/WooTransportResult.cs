using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>The status and body of a response, or the failure (<see cref="Failure"/> set) that a request came to.</summary>
internal sealed record WooTransportResult(int? Status, byte[] Body, DeliveryOutcome? Failure)
{
    /// <summary>X-WP-TotalPages of a collection response, when sent.</summary>
    public int? TotalPages { get; init; }

    public static WooTransportResult Failed(DeliveryOutcome failure) => new(null, [], failure);
}
