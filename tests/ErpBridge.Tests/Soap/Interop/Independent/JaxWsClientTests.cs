using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Interop.Independent;

/// <summary>
/// JAX-WS RI wsimport (Debian jaxws, the stack closest to SAP PI/PO and Oracle Java clients) generates classes from the
/// WSDL the bridge serves; java/ErpClient.java beside this file is compiled against them once per run and talks to the
/// real bridge: UsernameToken added by a SOAPHandler, faults mapped to the generated ErpBridgeFault_Exception.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class JaxWsClientTests
{
    private const string GeneratedPackage = "erpbridge.client";
    private static readonly TimeSpan WsimportTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(120);

    private BridgeFixture? bridge;
    private string? workDirectory;
    private string java = "";

    private static string ClientSource => Path.Combine(TestContext.CurrentContext.TestDirectory, "Soap", "Interop", "Independent", "java", "ErpClient.java");

    private string Classes => Path.Combine(workDirectory!, "classes");

    [OneTimeSetUp]
    public async Task GenerateAndCompileAsync()
    {
        var tools = ExternalTools.RequireJaxWs();
        var (wsimport, javac) = (tools.Wsimport, tools.Javac);
        java = tools.Java;

        Assert.That(File.Exists(ClientSource), Is.True, "the client program is not in the test output: " + ClientSource);
        bridge = await BridgeFixture.StartAsync();
        workDirectory = Path.Combine(Path.GetTempPath(), "erpbridge-tests", "jaxws-" + Guid.NewGuid().ToString("N"));
        var generated = Path.Combine(workDirectory, "generated");
        Directory.CreateDirectory(generated);
        Directory.CreateDirectory(Classes);

        // Generated from the served WSDL and its served XSDs. -extension: JAX-WS 2.x calls a SOAP 1.2 binding in WSDL 1.1 non-standard.
        var imported = await ExternalProcess.RunAsync(
            wsimport,
            ["-keep", "-extension", "-Xnocompile", "-p", GeneratedPackage, "-s", generated, "-d", generated, IndependentClientChecks.ServedWsdl(bridge)],
            WsimportTimeout,
            workDirectory);
        Assert.That(imported.ExitCode, Is.Zero, imported.Describe());
        TestContext.Progress.WriteLine($"wsimport: {imported.Elapsed.TotalSeconds:0.0} s");

        var sources = Directory.GetFiles(generated, "*.java", SearchOption.AllDirectories);
        Assert.That(sources.Select(Path.GetFileName), Does.Contain("ErpBridgeFault_Exception.java").And.Contain("ErpBridgeService.java"), imported.Describe());

        // One compile per run: the generated classes and the client together.
        var compiled = await ExternalProcess.RunAsync(
            javac,
            ["-nowarn", "-encoding", "UTF-8", "-cp", ExternalTools.JaxWsRuntime, "-d", Classes, .. sources, ClientSource],
            CompileTimeout,
            workDirectory);
        Assert.That(compiled.ExitCode, Is.Zero, compiled.Describe());
        TestContext.Progress.WriteLine($"javac: {compiled.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (bridge is not null)
        {
            await bridge.DisposeAsync();
        }

        if (workDirectory is not null && Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    [TestCase(IndependentClientChecks.Soap11Port)]
    [TestCase(IndependentClientChecks.Soap12Port)]
    public async Task GeneratedPort_SubmitRepeatConflict_AcceptedDuplicateThenTypedMessageIdConflict(string port)
    {
        var messageId = Envelopes.NewId("JAXWS");
        var run = await RunClientAsync(port, BridgeFixture.DemoUser, BridgeFixture.DemoPassword, messageId);
        await IndependentClientChecks.AssertSubmitRepeatConflictAsync(bridge!, run, port, messageId);
        Assert.That(run.Step("conflict").Fault!.Exception, Is.EqualTo(GeneratedPackage + ".ErpBridgeFault_Exception"));
    }

    [TestCase(IndependentClientChecks.Soap11Port)]
    [TestCase(IndependentClientChecks.Soap12Port)]
    public async Task GeneratedPort_WrongPassword_TypedAuthenticationFailed(string port)
    {
        var messageId = Envelopes.NewId("JAXWS");
        var run = await RunClientAsync(port, BridgeFixture.DemoUser, "not-the-password", messageId);
        await IndependentClientChecks.AssertAuthenticationFailedAsync(bridge!, run, port, messageId);
    }

    private async Task<ClientRun> RunClientAsync(string port, string user, string password, string messageId)
    {
        var result = await ExternalProcess.RunAsync(
            java,
            ["-cp", Classes + Path.PathSeparator + ExternalTools.JaxWsRuntime, "ErpClient", IndependentClientChecks.ServedWsdl(bridge!), port, user, password, messageId, "30"],
            ClientTimeout,
            workDirectory);
        TestContext.Progress.WriteLine($"JAX-WS client on {port}: {result.Elapsed.TotalSeconds:0.0} s");
        return ClientRun.Parse(result);
    }
}
