using System.Globalization;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// v2 dates: answers are RFC 2822 in UTC (<c>Tue, 20 Nov 2012 00:00:00 +0000</c>); filters accept RFC 2822 with any
/// offset or ISO 8601 (<c>2017-04-20T11:32:00.000-04:00</c>).
/// </summary>
internal static class BigCommerceDates
{
    private const string Rfc2822 = "ddd, dd MMM yyyy HH:mm:ss";

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Rfc2822, CultureInfo.InvariantCulture) + " +0000";

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        text = text.Trim();
        var space = text.LastIndexOf(' ');
        if (space > 0 && TryOffset(text[(space + 1)..], out var offset)
            && DateTime.TryParseExact(text[..space], [Rfc2822, "ddd, d MMM yyyy HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>RFC 2822 zone: <c>+hhmm</c> / <c>-hhmm</c>.</summary>
    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = default;
        if (zone.Length != 5 || (zone[0] != '+' && zone[0] != '-')
            || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        return true;
    }
}
