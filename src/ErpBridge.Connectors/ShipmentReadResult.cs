using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>Either a page, or why there is none (a transient or permanent failure, as for orders).</summary>
public sealed record ShipmentReadResult(ShipmentPage? Page, DeliveryOutcome? Failure)
{
    public static ShipmentReadResult Of(ShipmentPage page) => new(page, null);

    public static ShipmentReadResult Failed(DeliveryOutcome failure) => new(null, failure);
}
