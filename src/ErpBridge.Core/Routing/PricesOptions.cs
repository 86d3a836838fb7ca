using System.Globalization;

namespace ErpBridge.Core.Routing;

/// <summary>
/// Prices from condition records ("ErpBridge:Prices"): which condition types are sales prices, which sales area
/// (sales organisation / distribution channel) feeds which channel, and the time zone the validity dates are in.
/// Condition records of other types or sales areas are not for the channel: skipped with the reason, not an error.
/// </summary>
public sealed class PricesOptions
{
    /// <summary>The condition types taken when none are configured: SAP's standard sales price (PR00) and retail sales price (VKP0).</summary>
    public static readonly IReadOnlyList<string> DefaultSalesConditionTypes = ["PR00", "VKP0"];

    /// <summary>Condition types that are sales prices; null means <see cref="DefaultSalesConditionTypes"/>.</summary>
    /// <remarks>Null rather than a filled array, because configuration binding appends to an array it finds.</remarks>
    public string[]? SalesConditionTypes { get; set; }

    /// <summary>Channel name to the sales areas whose prices it takes, each "VKORG/VTWEG" (e.g. "1000/10").</summary>
    public Dictionary<string, string[]> SalesAreas { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The time zone of validity dates (a price valid from a date is applied from that day's midnight there); IANA or Windows id, default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The condition types in force, upper case.</summary>
    public IReadOnlyList<string> ConditionTypes =>
        SalesConditionTypes is { Length: > 0 } configured ? configured.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToUpperInvariant()).ToList() : DefaultSalesConditionTypes;

    /// <summary>Whether records of this condition type are sales prices.</summary>
    public bool IsSalesPrice(string conditionType) => ConditionTypes.Contains(conditionType.Trim().ToUpperInvariant(), StringComparer.Ordinal);

    /// <summary>Whether the sales area feeds the channel.</summary>
    public bool Feeds(string channel, string salesOrganization, string distributionChannel) =>
        SalesAreas.TryGetValue(channel, out var areas)
        && (areas ?? []).Any(a => string.Equals(a?.Trim(), $"{salesOrganization.Trim()}/{distributionChannel.Trim()}", StringComparison.OrdinalIgnoreCase));

    /// <summary>The sales areas that feed the channel, for reasons ("1000/10, 1000/12", or "none").</summary>
    public string AreasOf(string channel) =>
        SalesAreas.TryGetValue(channel, out var areas) && (areas ?? []).Any(a => !string.IsNullOrWhiteSpace(a)) ? string.Join(", ", areas!.Where(a => !string.IsNullOrWhiteSpace(a))) : "none";

    /// <summary>The moment a day starts in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var zone = Zone();
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Every problem, each naming its key. A channel routed for prices must name the sales areas that feed it.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, ChannelOptions> channels, IReadOnlyList<string>? routed)
    {
        const string key = BridgeOptions.Section + ":Prices";
        var errors = new List<string>();
        foreach (var (channel, areas) in SalesAreas)
        {
            if (!channels.ContainsKey(channel))
            {
                errors.Add($"{key}:SalesAreas:{channel}: channel '{channel}' is not configured under {BridgeOptions.Section}:Channels.");
            }

            foreach (var area in (areas ?? []).Where(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Split('/') is not [{ Length: > 0 }, { Length: > 0 }]))
            {
                errors.Add($"{key}:SalesAreas:{channel}: '{area}' is not a sales area 'VKORG/VTWEG' (e.g. 1000/10).");
            }
        }

        foreach (var channel in (routed ?? []).Where(c => !string.IsNullOrWhiteSpace(c) && AreasOf(c) == "none"))
        {
            errors.Add($"{key}:SalesAreas:{channel}: channel '{channel}' is routed for Prices but no sales area (VKORG/VTWEG) feeds it.");
        }

        if (TimeZone is { Length: > 0 } && !TryZone(TimeZone, out _))
        {
            errors.Add($"{key}:TimeZone: '{TimeZone}' is not a time zone of this system (use an IANA id such as Europe/Berlin, or UTC).");
        }

        return errors;
    }

    /// <summary>A date as the canonical message carries it (yyyy-MM-dd), or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private TimeZoneInfo Zone() => TryZone(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static bool TryZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || string.Equals(id.Trim(), "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }
}
