using System.Globalization;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors;

/// <summary>The page token of order polling on the platforms that page by number (BigCommerce, WooCommerce, Magento).</summary>
internal static class PageNumberToken
{
    /// <summary>
    /// The page <paramref name="token"/> names (1 without one), or null and the failure to return: a token the platform's
    /// reader did not hand out is a permanent failure, since asking again cannot mend it.
    /// </summary>
    public static int? Read(string? token, string platform, string channel, out OrderReadResult? failure)
    {
        failure = null;
        if (token is null)
        {
            return 1;
        }

        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
        {
            return page;
        }

        failure = OrderReadResult.Failed(new DeliveryOutcome.PermanentFailure(
            $"page token '{token}' is not a {platform} page number (channel '{channel}'); start again without one"));
        return null;
    }
}
