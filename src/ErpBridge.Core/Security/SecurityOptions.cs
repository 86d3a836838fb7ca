namespace ErpBridge.Core.Security;

/// <summary>The section "ErpBridge:Security": who may call the SOAP service.</summary>
public sealed class SecurityOptions
{
    public const string Section = "ErpBridge:Security";

    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>How far a UsernameToken's Created may be from now, and how long its nonce is remembered.</summary>
    public int ReplayWindowSeconds { get; set; } = 300;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReplayWindowSeconds is < 10 or > 3600)
        {
            errors.Add($"{Section}:ReplayWindowSeconds: {ReplayWindowSeconds} is outside 10..3600.");
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
