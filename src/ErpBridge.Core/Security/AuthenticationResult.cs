namespace ErpBridge.Core.Security;

/// <summary>The authenticated client's name, or null; <see cref="Throttled"/> when refused without checking the credential.</summary>
public sealed record AuthenticationResult(string? ClientName, bool Throttled)
{
    public static readonly AuthenticationResult Refused = new(null, false);

    public static readonly AuthenticationResult ThrottledRefusal = new(null, true);
}
