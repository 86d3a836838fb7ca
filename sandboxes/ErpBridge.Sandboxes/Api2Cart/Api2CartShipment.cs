namespace ErpBridge.Sandboxes.Api2Cart;

/// <summary>A shipment added to an order, with its tracking numbers (carrier id, number) and shipped quantities by order product id.</summary>
public sealed record Api2CartShipment(
    string Id,
    string OrderId,
    IReadOnlyList<(string? CarrierId, string TrackingNumber)> TrackingNumbers,
    IReadOnlyDictionary<string, decimal> Items,
    string? TrackingProvider,
    string? TrackingLink,
    bool IsShipped,
    bool SendNotifications,
    DateTimeOffset CreatedAt);
