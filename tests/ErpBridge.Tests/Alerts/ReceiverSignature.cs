using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Tests.Alerts;

/// <summary>
/// How a receiver checks an alert, written apart from the bridge's signer (as docs/alerts.md tells a receiver to):
/// parse <c>t=...,v1=...</c>, recompute HMAC-SHA256 over <c>t.body</c> with the shared secret, compare in constant
/// time, and refuse a timestamp more than five minutes off.
/// </summary>
internal static class ReceiverSignature
{
    public static bool Verify(string secret, string header, string body, DateTimeOffset now)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(unix)).TotalMinutes) > 5)
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + body));
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
