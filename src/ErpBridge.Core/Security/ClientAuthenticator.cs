using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ErpBridge.Core.Security;

/// <summary>
/// Checks presented credentials against the configured clients. Every failure looks the same to the caller and, until
/// the throttle below refuses, costs one key derivation. A password that verified once is remembered as a keyed hash, so that the right password costs
/// PBKDF2 once per client, not per request. Failures are throttled per user name and per source address: past the
/// configured number in the window, attempts are refused before any lookup or derivation, so that a flood of guesses
/// costs the bridge bookkeeping only and other clients keep their latency.
/// </summary>
public sealed class ClientAuthenticator
{
    private const int MinNonceBytes = 8;
    private const int UserNameSlots = 4096;
    private const int AddressSlots = 16384;
    private const int KnownSourceSlots = 1024;
    private readonly Dictionary<string, ClientOptions> clients;
    private readonly TimeSpan window;
    private readonly TimeProvider time;
    private readonly NonceCache nonces;
    private readonly INonceStore? sharedNonces;
    private readonly byte[] cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, byte[]> verified = new(StringComparer.Ordinal);
    private readonly AuthenticationCounters counters;
    private readonly FailureWindows userNames;
    private readonly FailureWindows addresses;

    // User name and address pairs that authenticated: written on success only, so an attacker cannot fill it.
    private readonly KnownSource?[] knownSources = new KnownSource?[KnownSourceSlots];

    /// <param name="sharedNonces">
    /// Digest nonces every node sees (the database): a token used on any node, or before a restart, is a replay. Asked
    /// by <see cref="AuthenticateAsync"/> only, after this process's own nonces.
    /// </param>
    public ClientAuthenticator(SecurityOptions options, TimeProvider time, AuthenticationCounters? counters = null, INonceStore? sharedNonces = null)
    {
        this.sharedNonces = sharedNonces;
        clients = options.Clients.ToDictionary(c => c.UserName, StringComparer.Ordinal);
        window = TimeSpan.FromSeconds(options.ReplayWindowSeconds);
        this.time = time;
        this.counters = counters ?? new AuthenticationCounters();
        nonces = new NonceCache(time, window);
        var failureWindow = TimeSpan.FromSeconds(options.FailureWindowSeconds);
        userNames = new FailureWindows(UserNameSlots, options.MaxFailuresPerUserName, failureWindow, time);
        addresses = new FailureWindows(AddressSlots, options.MaxFailuresPerAddress, failureWindow, time);
    }

    /// <summary>The authenticated user name, or null.</summary>
    public string? Authenticate(PresentedCredential? credential) => Authenticate(credential, null).ClientName;

    /// <summary>
    /// The authenticated user name, or a refusal; throttled when refused without checking the credential. A digest's
    /// nonce is checked against this process's nonces only: the intake asks <see cref="AuthenticateAsync"/>.
    /// </summary>
    public AuthenticationResult Authenticate(PresentedCredential? credential, IPAddress? source)
    {
        var address = AddressKey(source);
        var result = Check(credential, address, out _);
        if (result.ClientName is { } client)
        {
            RememberSource(client, address);
        }

        return result;
    }

    /// <summary>
    /// As <see cref="Authenticate(PresentedCredential?, IPAddress?)"/>, and a digest's nonce is then recorded in the
    /// shared nonce store: one statement, only for a digest that is valid and new to this process. A nonce another node
    /// (or this one before a restart) used is refused like any failed authentication.
    /// </summary>
    public async ValueTask<AuthenticationResult> AuthenticateAsync(PresentedCredential? credential, IPAddress? source, CancellationToken cancellationToken)
    {
        var address = AddressKey(source);
        var result = Check(credential, address, out var nonce);
        if (result.ClientName is not { } client)
        {
            return result;
        }

        if (nonce is not null && sharedNonces is not null)
        {
            var now = time.GetUtcNow();
            if (!await sharedNonces.TryUseAsync(nonce, now, now + nonces.Memory, cancellationToken))
            {
                Fail(client, address);
                return AuthenticationResult.Refused;
            }
        }

        RememberSource(client, address);
        return result;
    }

    /// <summary>The check itself; <paramref name="nonce"/> is the key of a valid digest's nonce, new to this process.</summary>
    private AuthenticationResult Check(PresentedCredential? credential, string? address, out string? nonce)
    {
        nonce = null;
        var user = credential?.UserName;
        if (IsAddressThrottled(address))
        {
            counters.Refused();
            return AuthenticationResult.ThrottledRefusal;
        }

        if (user is not null && userNames.IsBlocked(user) && !IsKnownSource(user, address))
        {
            // Still a failure from this address: an address that keeps guessing at a throttled name is throttled
            // itself, and then refused before its requests are even read.
            counters.Refused();
            RecordAddressFailure(address);
            return AuthenticationResult.ThrottledRefusal;
        }

        var client = credential is null ? null : clients.GetValueOrDefault(credential.UserName);
        var valid = (credential, client) switch
        {
            (PresentedCredential.Password p, { } known) => PasswordMatches(known, p.Secret),
            (PresentedCredential.Digest d, { } known) => DigestMatches(known, d, out nonce),
            (PresentedCredential.Password, null) => BurnTime(),
            _ => false,
        };
        if (valid)
        {
            return new AuthenticationResult(client!.UserName, false);
        }

        Fail(user, address);
        return AuthenticationResult.Refused;
    }

    private void Fail(string? user, string? address)
    {
        counters.Failed();
        RecordAddressFailure(address);
        if (user is not null)
        {
            userNames.RecordFailure(user);
        }
    }

    /// <summary>
    /// Whether the address has failed too often in the window: the gate asks before it reads a request's body, and
    /// refuses a throttled address without reading, parsing or deriving anything.
    /// </summary>
    public bool IsThrottled(IPAddress? source)
    {
        if (!IsAddressThrottled(AddressKey(source)))
        {
            return false;
        }

        counters.Refused();
        return true;
    }

    private void RecordAddressFailure(string? address)
    {
        if (address is not null)
        {
            addresses.RecordFailure(address);
        }
    }

    private bool IsAddressThrottled(string? address) => address is not null && addresses.IsBlocked(address);

    /// <summary>IPv4 as such (also when mapped into IPv6); IPv6 by its /64, the block one subscriber gets.</summary>
    private static string? AddressKey(IPAddress? source)
    {
        if (source is null)
        {
            return null;
        }

        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        if (source.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return source.ToString();
        }

        var bytes = source.GetAddressBytes();
        return Convert.ToHexString(bytes, 0, 8) + "::/64";
    }

    private bool IsKnownSource(string user, string? address) =>
        address is not null && knownSources[SourceSlot(user, address)] is { } known && known.Is(user, address);

    private void RememberSource(string user, string? address)
    {
        if (address is not null && !IsKnownSource(user, address))
        {
            knownSources[SourceSlot(user, address)] = new KnownSource(user, address);
        }
    }

    private static int SourceSlot(string user, string address) => (int)((uint)HashCode.Combine(user, address) % KnownSourceSlots);

    private bool PasswordMatches(ClientOptions client, string secret)
    {
        var fast = HMACSHA256.HashData(cacheKey, Encoding.UTF8.GetBytes(secret));
        if (verified.TryGetValue(client.UserName, out var known) && CryptographicOperations.FixedTimeEquals(fast, known))
        {
            return true;
        }

        // A wrong password always costs a full key derivation, like an unknown user: no cheap guessing, no timing tell.
        counters.KeyDerived();
        if (!SecretHash.Verify(secret, client.PasswordHash))
        {
            return false;
        }

        verified[client.UserName] = fast;
        return true;
    }

    private bool DigestMatches(ClientOptions client, PresentedCredential.Digest token, out string? nonceKey)
    {
        nonceKey = null;
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
        var key = NonceCache.Key(client.UserName, Convert.ToHexString(nonce));
        if (nonce.Length < MinNonceBytes || !CryptographicOperations.FixedTimeEquals(expected, presented) || !nonces.TryUse(key))
        {
            return false;
        }

        nonceKey = key;
        return true;
    }

    /// <summary>An unknown user costs as much as a wrong password, so user names cannot be probed by timing.</summary>
    private bool BurnTime()
    {
        counters.KeyDerived();
        _ = SecretHash.Verify("unknown", DummyHash);
        return false;
    }

    // As costly as the configured hashes: the default iteration count of SecretHash.Create.
    private static readonly string DummyHash = SecretHash.Create("dummy");

    private sealed record KnownSource(string UserName, string Address)
    {
        public bool Is(string userName, string address) => UserName == userName && Address == address;
    }
}
