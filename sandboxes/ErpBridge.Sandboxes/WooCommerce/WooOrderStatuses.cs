namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>WooCommerce's order statuses (without the wc- prefix of the database) and the labels its notes use.</summary>
internal static class WooOrderStatuses
{
    public static readonly IReadOnlyList<string> All = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "checkout-draft"];

    public static bool IsKnown(string status) => All.Contains(status);

    public static string Label(string status) => status switch
    {
        "pending" => "Pending payment",
        "on-hold" => "On hold",
        "checkout-draft" => "Draft",
        _ => char.ToUpperInvariant(status[0]) + status[1..],
    };
}

/// <summary>The WP_Errors of the order routes.</summary>
internal static class WooOrderErrors
{
    public static readonly WooError InvalidOrderId = new(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
}
