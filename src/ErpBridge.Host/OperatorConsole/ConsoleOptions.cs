using ErpBridge.Core.Security;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>The section "ErpBridge:Console": who may sign in to the operator console, and how sign-in failures are throttled.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "ErpBridge:Console";

    /// <summary>The operators, separate from the ERP clients of ErpBridge:Security. None in Production's appsettings.json.</summary>
    public List<OperatorOptions> Operators { get; set; } = [];

    /// <summary>Failed sign-ins of one user name within the window after which that name is refused until the window passes.</summary>
    public int MaxFailuresPerUserName { get; set; } = 5;

    /// <summary>Failed sign-ins from one address within the window after which it is refused.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public int FailureWindowSeconds { get; set; } = 300;

    /// <summary>How long a console session lasts without use before the operator signs in again.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// A folder (relative to the install folder) for the keys that protect the session cookies and the forms'
    /// antiforgery tokens. Default: none, the keys are kept in the database (table <c>console_keys</c>), where every
    /// node of a server database finds them and a restart signs no one out.
    /// </summary>
    public string? KeysFolder { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxFailuresPerUserName is < 1 or > 10_000)
        {
            errors.Add($"{Section}:MaxFailuresPerUserName: {MaxFailuresPerUserName} is outside 1..10000.");
        }

        if (MaxFailuresPerAddress is < 1 or > 100_000)
        {
            errors.Add($"{Section}:MaxFailuresPerAddress: {MaxFailuresPerAddress} is outside 1..100000.");
        }

        if (FailureWindowSeconds is < 1 or > 86_400)
        {
            errors.Add($"{Section}:FailureWindowSeconds: {FailureWindowSeconds} is outside 1..86400.");
        }

        if (SessionIdleTimeout < TimeSpan.FromMinutes(1) || SessionIdleTimeout > TimeSpan.FromDays(30))
        {
            errors.Add($"{Section}:SessionIdleTimeout: {SessionIdleTimeout} is outside 00:01:00..30.00:00:00.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Operators.Count; i++)
        {
            var key = $"{Section}:Operators:{i}";
            var op = Operators[i];
            if (string.IsNullOrWhiteSpace(op.UserName))
            {
                errors.Add($"{key}:UserName: required.");
            }
            else if (!names.Add(op.UserName))
            {
                errors.Add($"{key}:UserName: '{op.UserName}' is configured twice.");
            }

            if (!SecretHash.IsWellFormed(op.PasswordHash))
            {
                errors.Add($"{key}:PasswordHash: not a hash made by 'ErpBridge.Host hash-secret' (PBKDF2-SHA256$iterations$salt$hash).");
            }

            if (!Enum.IsDefined(op.Role))
            {
                errors.Add($"{key}:Role: '{op.Role}' is not Viewer or Operator.");
            }
        }

        return errors;
    }
}
