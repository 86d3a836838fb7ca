namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>BigCommerce's fixed order statuses (<c>GET v2/order_statuses</c>): id and system name.</summary>
public static class BigCommerceOrderStatuses
{
    public const int Incomplete = 0;
    public const int Pending = 1;
    public const int Shipped = 2;
    public const int PartiallyShipped = 3;
    public const int Refunded = 4;
    public const int Cancelled = 5;
    public const int Declined = 6;
    public const int AwaitingPayment = 7;
    public const int AwaitingPickup = 8;
    public const int AwaitingShipment = 9;
    public const int Completed = 10;
    public const int AwaitingFulfillment = 11;
    public const int ManualVerificationRequired = 12;
    public const int Disputed = 13;
    public const int PartiallyRefunded = 14;

    private static readonly string[] Names =
    [
        "Incomplete", "Pending", "Shipped", "Partially Shipped", "Refunded", "Cancelled", "Declined", "Awaiting Payment",
        "Awaiting Pickup", "Awaiting Shipment", "Completed", "Awaiting Fulfillment", "Manual Verification Required",
        "Disputed", "Partially Refunded",
    ];

    public static bool IsKnown(int statusId) => statusId >= 0 && statusId < Names.Length;

    public static string Name(int statusId) =>
        IsKnown(statusId) ? Names[statusId] : throw new ArgumentOutOfRangeException(nameof(statusId), statusId, "BigCommerce order statuses are 0 to 14.");
}
