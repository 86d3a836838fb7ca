namespace ErpBridge.Tests;

/// <summary>
/// The suite runs the bridge as a developer does: in the Development environment, with the demo client, channels and
/// routes of appsettings.Development.json. Set for the whole test process (a root-namespace set-up fixture), so that
/// hosts built in process without the fixture (operator commands, start-up checks) and bridge processes started by
/// tests inherit it. Tests of Production say so explicitly (<c>--environment Production</c> or the child's environment).
/// </summary>
[SetUpFixture]
public sealed class DevelopmentEnvironment
{
    /// <summary>ASPNETCORE_ wins over DOTNET_ in a web host, so a value set in the runner's shell cannot override it.</summary>
    public const string Variable = "ASPNETCORE_ENVIRONMENT";

    [OneTimeSetUp]
    public void UseDevelopment() => Environment.SetEnvironmentVariable(Variable, "Development");
}
