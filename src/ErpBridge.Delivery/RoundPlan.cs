using ErpBridge.Core.Delivery;

namespace ErpBridge.Delivery;

/// <summary>What a round does with its claims: the deliveries it settles as superseded, and the batches it sends.</summary>
public sealed record RoundPlan(IReadOnlyList<DeliveryResult> Superseded, IReadOnlyList<DeliveryBatch> Batches);
