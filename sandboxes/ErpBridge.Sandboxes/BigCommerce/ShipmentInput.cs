namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>The fields of a <c>POST v2/orders/{id}/shipments</c> body the sandbox acts on.</summary>
internal sealed record ShipmentInput(
    int OrderAddressId,
    string TrackingNumber,
    string ShippingProvider,
    string TrackingCarrier,
    string TrackingLink,
    string Comments,
    IReadOnlyList<(int OrderProductId, int Quantity)> Items);
