namespace ErpBridge.Core.Security;

/// <summary>The section "ErpBridge:Security": who may call the SOAP service.</summary>
public sealed class SecurityOptions
{
    public const string Section = "ErpBridge:Security";

    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>How far a UsernameToken's Created may be from now, and how long its nonce is remembered.</summary>
    public int ReplayWindowSeconds { get; set; } = 300;

    /// <summary>
    /// Failed authentications of one user name within <see cref="FailureWindowSeconds"/> after which further attempts
    /// with that name are refused without a key derivation until the window passes. An address the name has
    /// authenticated from before is exempt, so that guessing at a client's name elsewhere does not lock that client out.
    /// </summary>
    public int MaxFailuresPerUserName { get; set; } = 10;

    /// <summary>Failed authentications from one source address (an IPv6 /64) within the window before it is refused.</summary>
    public int MaxFailuresPerAddress { get; set; } = 30;

    /// <summary>The window the failures are counted in, from the first failure.</summary>
    public int FailureWindowSeconds { get; set; } = 60;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReplayWindowSeconds is < 10 or > 3600)
        {
            errors.Add($"{Section}:ReplayWindowSeconds: {ReplayWindowSeconds} is outside 10..3600.");
        }

        if (MaxFailuresPerUserName is < 1 or > 100_000)
        {
            errors.Add($"{Section}:MaxFailuresPerUserName: {MaxFailuresPerUserName} is outside 1..100000.");
        }

        if (MaxFailuresPerAddress is < 1 or > 100_000)
        {
            errors.Add($"{Section}:MaxFailuresPerAddress: {MaxFailuresPerAddress} is outside 1..100000.");
        }

        if (FailureWindowSeconds is < 1 or > 86_400)
        {
            errors.Add($"{Section}:FailureWindowSeconds: {FailureWindowSeconds} is outside 1..86400.");
        }

        for (var i = 0; i < Clients.Count; i++)
        {
            var client = Clients[i];
            var key = $"{Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.UserName))
            {
                errors.Add($"{key}:UserName: required.");
            }

            if (!SecretHash.IsWellFormed(client.PasswordHash))
            {
                errors.Add($"{key}:PasswordHash: not a hash made by 'ErpBridge.Host hash-secret' (PBKDF2-SHA256$iterations$salt$hash).");
            }
        }

        var duplicates = Clients.GroupBy(c => c.UserName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(d => $"{Section}:Clients: user name '{d}' appears more than once."));
        return errors;
    }
}
