namespace ErpBridge.Core.Security;

/// <summary>The demo client of the default configuration, whose credentials the README publishes.</summary>
public static class DemoCredentials
{
    public const string UserName = "demo-erp";
    public const string Password = "demo-erp-password";

    /// <summary>
    /// True when a client can be used with the published credentials: flagged Demo, named demo-erp, or with the demo
    /// password as hash or digest password. Configuration merges list entries by index, so a real client configured
    /// over the demo one keeps whatever it does not override: the content decides, not the flag.
    /// </summary>
    public static bool Usable(ClientOptions client) =>
        client.Demo
        || client.UserName == UserName
        || client.DigestPassword == Password
        || SecretHash.Verify(Password, client.PasswordHash);
}
