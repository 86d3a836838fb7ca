using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// The signature of an alert POST, in Stripe's scheme: <c>X-ErpBridge-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where
/// the hex is HMAC-SHA256 with the webhook's secret over <c>&lt;t&gt;.&lt;body&gt;</c> (UTF-8). The timestamp lets a receiver
/// refuse replays older than a few minutes; each attempt is signed afresh.
/// </summary>
public static class AlertSignature
{
    public const string Header = "X-ErpBridge-Signature";
    public const string EventHeader = "X-ErpBridge-Event";
    public const string IdHeader = "X-ErpBridge-Alert-Id";
    public const string AttemptHeader = "X-ErpBridge-Attempt";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
