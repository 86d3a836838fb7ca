using System.Globalization;
using ErpBridge.Core.Routing;

namespace ErpBridge.Connectors.BigCommerce;

/// <summary>
/// The ERP location code a BigCommerce location's levels are reported under: delivery's location resolution read
/// backwards. Delivery sends an ERP code to the location the channel's <c>Locations</c> map names for it, and an
/// unmapped code to the location with that BigCommerce code. So a location the map points at answers to the map's
/// key(s) for it (and not also to its own code: that would report every level a second time, under a code the ERP
/// does not use); a location the map leaves out answers to its own code, unless the map sends that code elsewhere.
/// A location no ERP code reaches is not reported: the ERP's numbers never land there.
/// </summary>
internal sealed class BigCommerceStockLocations
{
    private readonly Dictionary<long, List<string>> mapped = [];
    private readonly IReadOnlyDictionary<string, string> map;

    public BigCommerceStockLocations(ChannelOptions channelOptions)
    {
        map = channelOptions.Locations;
        foreach (var (code, id) in channelOptions.Locations.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            // The id goes into the adjustment as a JSON number, so " 2" and "02" reach location 2 as well.
            if (long.TryParse(id.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var locationId))
            {
                if (!mapped.TryGetValue(locationId, out var codes))
                {
                    mapped[locationId] = codes = [];
                }

                codes.Add(code);
            }
        }
    }

    /// <summary>The ERP codes for location <paramref name="locationId"/> whose BigCommerce code is <paramref name="locationCode"/>.</summary>
    public IReadOnlyList<string> ErpCodes(long locationId, string? locationCode)
    {
        if (mapped.TryGetValue(locationId, out var codes))
        {
            return codes;
        }

        return locationCode is { Length: > 0 } && !map.ContainsKey(locationCode) ? [locationCode] : [];
    }
}
