using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// WooCommerce core keeps one stock level per product or variation: there are no locations. A channel therefore names
/// the one ERP location code whose stock the shop shows (the single key of ChannelOptions.Locations; its value is not
/// used). A stock-item reference carries its line's location as <c>plan:location</c>; a plan with any other location
/// fails permanently before anything is sent, instead of letting two plants overwrite each other's level.
/// </summary>
internal static class WooCommerceStockLocation
{
    public static readonly System.Xml.Linq.XName LocationAttribute = RequestPlan.Ns + "location";

    /// <summary>Why the plan's stock lines cannot be sent to this channel, or null when every line is for its location.</summary>
    public static string? Check(RequestPlan plan, ChannelOptions channelOptions, string channel)
    {
        var configured = channelOptions.Locations.Keys.SingleOrDefault();
        foreach (var reference in plan.Calls.Where(c => c.Body is not null).SelectMany(c => PlanReference.Collect(c.Body!)))
        {
            if ((string?)reference.Element.Attribute(LocationAttribute) is not { } location)
            {
                continue;
            }

            if (configured is null)
            {
                return $"stock for ERP location '{location}' cannot be sent to channel '{channel}': WooCommerce keeps one stock level per product, "
                    + "and the channel names no location (set Locations to the one ERP location code whose stock the shop shows)";
            }

            if (!string.Equals(location, configured, StringComparison.Ordinal))
            {
                return $"stock for ERP location '{location}' (SKU '{reference.Key}') cannot be sent to channel '{channel}': WooCommerce keeps one stock level per product, "
                    + $"and the channel takes the stock of location '{configured}' only";
            }
        }

        return null;
    }
}
