namespace ErpBridge.Sandboxes.Magento;

/// <summary>An order line; <see cref="QtyShipped"/> grows with each shipment, and never past <see cref="QtyOrdered"/>.</summary>
public sealed record MagentoOrderItem(int ItemId, string Sku, decimal QtyOrdered, decimal QtyShipped);

/// <summary>A placed order: <see cref="IncrementId"/> is the order number the shop shows; <see cref="Id"/> the entity id the API takes.</summary>
public sealed record MagentoOrder(int Id, string IncrementId, string State, IReadOnlyList<MagentoOrderItem> Items)
{
    public MagentoOrderItem? ItemBySku(string sku) => Items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A shipped order line.</summary>
public sealed record MagentoShipmentItem(int OrderItemId, string Sku, decimal Qty);

/// <summary>A shipment's tracking number, its carrier's title and Magento carrier code.</summary>
public sealed record MagentoTrack(string TrackNumber, string Title, string CarrierCode);

/// <summary>A shipment created by <c>POST V1/order/{orderId}/ship</c>, with its tracks and its comment (if any).</summary>
public sealed record MagentoShipment(
    int Id,
    string IncrementId,
    int OrderId,
    IReadOnlyList<MagentoShipmentItem> Items,
    IReadOnlyList<MagentoTrack> Tracks,
    string? Comment,
    DateTimeOffset CreatedAt);

/// <summary>What a ship request asks for: order item ids and quantities, tracks, an optional comment.</summary>
internal sealed record ShipmentInput(IReadOnlyList<(int OrderItemId, decimal Qty)> Items, IReadOnlyList<MagentoTrack> Tracks, string? Comment);
