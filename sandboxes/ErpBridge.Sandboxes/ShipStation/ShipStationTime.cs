using System.Globalization;

namespace ErpBridge.Sandboxes.ShipStation;

/// <summary>
/// ShipStation v1 writes and reads times in US Pacific time without an offset (<c>2026-11-17T06:02:11.0000000</c>),
/// and filter dates as <c>yyyy-MM-dd HH:mm:ss</c> in the same zone.
/// </summary>
internal static class ShipStationTime
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static string Write(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Pacific).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>A filter date as the API takes it (Pacific, with or without the 'T' and fractions); null when it does not parse.</summary>
    public static DateTimeOffset? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.NoCurrentDateDefault, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Pacific.GetUtcOffset(unspecified));
    }
}
