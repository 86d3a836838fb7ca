using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Host.Monitoring;

/// <summary>
/// Metrics tokens: 32 random bytes (base64url), configured as their SHA-256. A token is high-entropy and machine-made,
/// not a password, so one fast hash is enough: what is configured does not reveal it, and guessing is hopeless.
/// </summary>
public static class MetricsToken
{
    /// <summary>The longest Authorization value hashed; anything longer is refused unread.</summary>
    public const int MaxLength = 256;

    /// <summary>The token Development accepts, published in the README: refused on a host that listens beyond loopback.</summary>
    public const string Demo = "demo-metrics-token";

    /// <summary>A new random token.</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The configured form of a token: SHA-256 of its UTF-8 bytes, 64 lower-case hex digits.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);

    /// <summary>Whether <paramref name="token"/> hashes to one of <paramref name="hashes"/>, compared in constant time.</summary>
    public static bool Matches(ReadOnlySpan<char> token, IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (token.IsEmpty || token.Length > MaxLength)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[MaxLength * 3];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        var found = false;
        foreach (var candidate in hashes)
        {
            // Every hash is compared, so the time does not tell which one (or whether one) matched.
            found |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return found;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
