using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>A dry run could not look up the plan's SKUs (the shop was unreachable, refused the key, ...) or the plan's stock location is not the channel's.</summary>
public sealed class WooCommercePreparationException(DeliveryOutcome failure)
    : Exception($"The dry run could not resolve the plan's references: {failure.Describe()}")
{
    public DeliveryOutcome Failure { get; } = failure;
}
