using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Core.Security;

/// <summary>
/// Checks presented credentials against the configured clients. Every failure looks the same to the caller and costs
/// one key derivation. A password that verified once is remembered as a keyed hash, so that the right password costs
/// PBKDF2 once per client, not per request.
/// </summary>
public sealed class ClientAuthenticator
{
    private const int MinNonceBytes = 8;
    private readonly Dictionary<string, ClientOptions> clients;
    private readonly TimeSpan window;
    private readonly TimeProvider time;
    private readonly NonceCache nonces;
    private readonly byte[] cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte[]> verified = new(StringComparer.Ordinal);

    public ClientAuthenticator(SecurityOptions options, TimeProvider time)
    {
        clients = options.Clients.ToDictionary(c => c.UserName, StringComparer.Ordinal);
        window = TimeSpan.FromSeconds(options.ReplayWindowSeconds);
        this.time = time;
        nonces = new NonceCache(time, window);
    }

    /// <summary>The authenticated user name, or null.</summary>
    public string? Authenticate(PresentedCredential? credential)
    {
        var client = credential is null ? null : clients.GetValueOrDefault(credential.UserName);
        var valid = (credential, client) switch
        {
            (PresentedCredential.Password p, { } known) => PasswordMatches(known, p.Secret),
            (PresentedCredential.Digest d, { } known) => DigestMatches(known, d),
            (PresentedCredential.Password, null) => BurnTime(),
            _ => false,
        };
        return valid ? client!.UserName : null;
    }

    private bool PasswordMatches(ClientOptions client, string secret)
    {
        var fast = HMACSHA256.HashData(cacheKey, Encoding.UTF8.GetBytes(secret));
        if (verified.TryGetValue(client.UserName, out var known) && CryptographicOperations.FixedTimeEquals(fast, known))
        {
            return true;
        }

        // A wrong password always costs a full key derivation, like an unknown user: no cheap guessing, no timing tell.
        if (!SecretHash.Verify(secret, client.PasswordHash))
        {
            return false;
        }

        verified[client.UserName] = fast;
        return true;
    }

    private bool DigestMatches(ClientOptions client, PresentedCredential.Digest token)
    {
        if (string.IsNullOrEmpty(client.DigestPassword)
            || !DateTimeOffset.TryParse(token.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            || (time.GetUtcNow() - created).Duration() > window)
        {
            return false;
        }

        byte[] nonce;
        byte[] presented;
        try
        {
            nonce = Convert.FromBase64String(token.NonceBase64);
            presented = Convert.FromBase64String(token.DigestBase64);
        }
        catch (FormatException)
        {
            return false;
        }

        var input = nonce.Concat(Encoding.UTF8.GetBytes(token.Created + client.DigestPassword)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what the UsernameToken Profile 1.0/1.1 defines for PasswordDigest.
        var expected = SHA1.HashData(input);
#pragma warning restore CA5350
        // The nonce is recorded only for a valid digest, so that nobody can burn another client's nonces, and by its
        // bytes: base64 allows other spellings of the same nonce (whitespace), which must not make a replay new.
        return nonce.Length >= MinNonceBytes
            && CryptographicOperations.FixedTimeEquals(expected, presented)
            && nonces.TryUse(client.UserName, Convert.ToHexString(nonce));
    }

    /// <summary>An unknown user costs as much as a wrong password, so user names cannot be probed by timing.</summary>
    private static bool BurnTime()
    {
        _ = SecretHash.Verify("unknown", DummyHash);
        return false;
    }

    // As costly as the configured hashes: the default iteration count of SecretHash.Create.
    private static readonly string DummyHash = SecretHash.Create("dummy");
}
