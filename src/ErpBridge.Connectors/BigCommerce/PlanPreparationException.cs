using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>A dry run could not look up the plan's ids (the platform was unreachable, refused the credentials, ...).</summary>
public sealed class PlanPreparationException(DeliveryOutcome failure)
    : Exception($"The dry run could not resolve the plan's references: {Describe(failure)}")
{
    public DeliveryOutcome Failure { get; } = failure;

    private static string Describe(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.TransientFailure t => t.Reason,
        DeliveryOutcome.PermanentFailure p => p.Reason,
        _ => outcome.ToString(),
    };
}
