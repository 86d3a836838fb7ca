using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>How the Admin API writes scalars: DateTime in UTC to the second with 'Z', Decimal amounts as strings ("10.0", "29.95").</summary>
internal static class ShopifyValues
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}
