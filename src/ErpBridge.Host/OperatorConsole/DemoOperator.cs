using ErpBridge.Core.Security;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// The console operator of appsettings.Development.json, whose password is published in the README: usable on a
/// developer's machine, refused on a host that listens beyond the loopback interface.
/// </summary>
public static class DemoOperator
{
    public const string UserName = "demo-operator";
    public const string Password = "demo-operator-password";

    /// <summary>Whether this operator signs in with the published password.</summary>
    public static bool Usable(OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return SecretHash.IsWellFormed(op.PasswordHash) && SecretHash.Verify(Password, op.PasswordHash);
    }
}
