using ErpBridge.Core.Security;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// Checks an operator's name and password against the configured hashes, and throttles failures per user name and
/// per address: once either reached its limit within the window, attempts are refused without checking the password,
/// so guessing costs the guesser time, not the host CPU.
/// </summary>
public sealed class OperatorSignIn
{
    // A hash to verify against when the user name is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string UnknownUserHash = SecretHash.Create(Guid.NewGuid().ToString("N"));

    private readonly ConsoleOptions options;
    private readonly FailureWindows userNames;
    private readonly FailureWindows addresses;

    public OperatorSignIn(ConsoleOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        var window = TimeSpan.FromSeconds(options.FailureWindowSeconds);
        userNames = new FailureWindows(4096, options.MaxFailuresPerUserName, window, time);
        addresses = new FailureWindows(4096, options.MaxFailuresPerAddress, window, time);
    }

    public SignInOutcome Check(string? userName, string? password, string address)
    {
        var name = (userName ?? "").Trim();
        var nameKey = name.ToUpperInvariant();
        if (userNames.IsBlocked(nameKey) || addresses.IsBlocked(address))
        {
            return new SignInOutcome(false, true, null);
        }

        var configured = options.Operators.FirstOrDefault(o => string.Equals(o.UserName, name, StringComparison.OrdinalIgnoreCase));
        var verified = SecretHash.Verify(password ?? "", configured?.PasswordHash ?? UnknownUserHash);
        if (configured is not null && verified)
        {
            return new SignInOutcome(true, false, configured);
        }

        userNames.RecordFailure(nameKey);
        addresses.RecordFailure(address);
        return new SignInOutcome(false, false, null);
    }
}
