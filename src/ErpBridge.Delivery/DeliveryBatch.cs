namespace ErpBridge.Delivery;

/// <summary>Deliveries of a round that go out as one unit; batches share no item and run at the same time.</summary>
public sealed record DeliveryBatch(DeliveryBatchKind Kind, IReadOnlyList<PlannedDelivery> Deliveries);
