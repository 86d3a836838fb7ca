using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>A dry run could not look up the plan's ids (the platform was unreachable, refused the credentials, ...).</summary>
public sealed class PlanPreparationException(DeliveryOutcome failure)
    : Exception($"The dry run could not resolve the plan's references: {failure.Describe()}")
{
    public DeliveryOutcome Failure { get; } = failure;
}
