using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Interop.Independent;

/// <summary>
/// Python zeep (Debian python3-zeep) builds its client at run time from the WSDL the bridge serves, and talks to the
/// real bridge through the generated service proxy of each port with a WS-Security UsernameToken.
/// The client program is python/erp_client.py beside this file, copied to the test output.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class ZeepClientTests
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);

    private BridgeFixture? bridge;

    private static string Script => Path.Combine(TestContext.CurrentContext.TestDirectory, "Soap", "Interop", "Independent", "python", "erp_client.py");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var zeepVersion = await ExternalTools.RequireZeepAsync();
        Assert.That(File.Exists(Script), Is.True, "the client program is not in the test output: " + Script);
        TestContext.Progress.WriteLine($"zeep {zeepVersion} on {ExternalTools.Python}");
        bridge = await BridgeFixture.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (bridge is not null)
        {
            await bridge.DisposeAsync();
        }
    }

    [TestCase(IndependentClientChecks.Soap11Port)]
    [TestCase(IndependentClientChecks.Soap12Port)]
    public async Task GeneratedProxy_SubmitRepeatConflict_AcceptedDuplicateThenTypedMessageIdConflict(string port)
    {
        var messageId = Envelopes.NewId("PY");
        var run = await RunClientAsync(port, BridgeFixture.DemoUser, BridgeFixture.DemoPassword, messageId);
        await IndependentClientChecks.AssertSubmitRepeatConflictAsync(bridge!, run, port, messageId);
    }

    [TestCase(IndependentClientChecks.Soap11Port)]
    [TestCase(IndependentClientChecks.Soap12Port)]
    public async Task GeneratedProxy_WrongPassword_TypedAuthenticationFailed(string port)
    {
        var messageId = Envelopes.NewId("PY");
        var run = await RunClientAsync(port, BridgeFixture.DemoUser, "not-the-password", messageId);
        await IndependentClientChecks.AssertAuthenticationFailedAsync(bridge!, run, port, messageId);
    }

    private async Task<ClientRun> RunClientAsync(string port, string user, string password, string messageId)
    {
        var result = await ExternalProcess.RunAsync(
            ExternalTools.Python,
            ["-I", Script, IndependentClientChecks.ServedWsdl(bridge!), "--port", port, "--user", user, "--password", password, "--message-id", messageId, "--timeout", "30"],
            ClientTimeout);
        TestContext.Progress.WriteLine($"zeep client on {port}: {result.Elapsed.TotalSeconds:0.0} s");
        return ClientRun.Parse(result);
    }
}
