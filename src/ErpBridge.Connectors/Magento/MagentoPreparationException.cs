using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Magento;

/// <summary>
/// A dry run could not look up the plan's sources (the store was unreachable, refused the credentials, ...). An
/// <see cref="InvalidOperationException"/>, so that the operator's dry-run command reports it as a failed command.
/// </summary>
public sealed class MagentoPreparationException(DeliveryOutcome failure)
    : InvalidOperationException($"The dry run could not resolve the plan's references: {failure.Describe()}")
{
    public DeliveryOutcome Failure { get; } = failure;
}
