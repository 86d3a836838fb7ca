using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>
/// A dry run reached the store but could not look up the plan's ids (the store refused the credentials, answered
/// 5xx, ...) or the plan cannot go to this channel. The same on every platform; an
/// <see cref="InvalidOperationException"/>, so that the operator's dry-run command reports it as a failed command.
/// </summary>
public sealed class PlanPreparationException(string channel, DeliveryOutcome failure)
    : InvalidOperationException($"The dry run on channel '{channel}' could not resolve the plan's references: {failure.Describe()}")
{
    public DeliveryOutcome Failure { get; } = failure;
}
