namespace ErpBridge.Core.Orders;

/// <summary>What FetchOrders needs of the order configuration (ErpBridge:Orders).</summary>
public sealed record OrderFetchSettings(TimeSpan VisibilityTimeout, int MaxFetch)
{
    public static readonly OrderFetchSettings Default = new(TimeSpan.FromMinutes(10), 500);
}
