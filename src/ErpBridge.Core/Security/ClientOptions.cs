namespace ErpBridge.Core.Security;

/// <summary>One ERP client allowed to call the service.</summary>
public sealed class ClientOptions
{
    public string UserName { get; set; } = "";

    /// <summary>PBKDF2 hash of the password, checked for PasswordText tokens and HTTP Basic.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>
    /// The clear password, only for clients that send PasswordDigest tokens: the digest is computed from the clear
    /// password, so WS-Security leaves no way to verify it against a hash. Supply it from a secret store.
    /// </summary>
    public string? DigestPassword { get; set; }

    /// <summary>The demo client of the default configuration; refused when the host listens beyond loopback.</summary>
    public bool Demo { get; set; }
}
