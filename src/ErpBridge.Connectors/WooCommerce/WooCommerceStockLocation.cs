using ErpBridge.Core.Routing;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// WooCommerce core keeps one stock level per product or variation: there are no locations. A channel therefore names
/// the one ERP location code whose stock the shop shows (the single key of ChannelOptions.Locations; its value is not
/// used). Stock at any other location is not for the channel: the delivery leaves it out before mapping and records
/// it as skipped (<see cref="Declines"/>). A stock-item reference carries its line's location as <c>plan:location</c>,
/// so that a plan made without that filter (a dry run of a file) still leaves such a line out, alone, instead of
/// letting two plants overwrite each other's level.
/// </summary>
internal static class WooCommerceStockLocation
{
    public static readonly System.Xml.Linq.XName LocationAttribute = RequestPlan.Ns + "location";

    /// <summary>
    /// Why stock at <paramref name="location"/> is deliberately not for this channel, or null when it is the channel's
    /// location. A channel that names no location declines nothing here: that is a configuration the operator must see,
    /// so each such line fails (see <see cref="Check"/>) instead of being skipped quietly.
    /// </summary>
    public static string? Declines(string location, ChannelOptions channelOptions, string channel) =>
        channelOptions.Locations.Keys.SingleOrDefault() is { } configured && !string.Equals(location, configured, StringComparison.Ordinal)
            ? $"stock for ERP location '{location}' is not for channel '{channel}': WooCommerce keeps one stock level per product, "
                + $"and the channel takes the stock of location '{configured}' only"
            : null;

    /// <summary>Why the stock line of this reference cannot be sent to the channel, or null when it is for the channel's location (or no stock line).</summary>
    public static string? Check(PlanReference reference, ChannelOptions channelOptions, string channel)
    {
        if ((string?)reference.Element.Attribute(LocationAttribute) is not { } location)
        {
            return null;
        }

        return channelOptions.Locations.Count == 0
            ? $"stock for ERP location '{location}' cannot be sent to channel '{channel}': WooCommerce keeps one stock level per product, "
                + "and the channel names no location (set Locations to the one ERP location code whose stock the shop shows)"
            : Declines(location, channelOptions, channel);
    }

    /// <summary>
    /// Why the plan cannot go at all: a stock line for another location outside any item element (a map that does not
    /// mark its items), which cannot be left out alone. Null when there is none.
    /// </summary>
    public static string? CheckUnmarked(RequestPlan plan, ChannelOptions channelOptions, string channel) =>
        plan.Calls.Where(c => c.Body is not null)
            .SelectMany(c => PlanReference.Collect(c.Body!))
            .Where(r => !r.Element.AncestorsAndSelf().Any(e => e.Attribute(Http.PlanItems.ItemAttribute) is not null))
            .Select(r => Check(r, channelOptions, channel))
            .FirstOrDefault(reason => reason is not null);
}
