using System.Text.Json;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.ErpPush;

/// <summary>
/// An independent client reads the receiver's contract: Python zeep (Debian python3-zeep) builds its client at run
/// time from the WSDL the sandbox serves and hands over the sample IDoc with HTTP Basic, then meets a typed fault.
/// What works for zeep from the WSDL alone is what an integration team's own tooling can do with it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class ErpZeepClientTests
{
    private const string Client = """
        import json, sys
        from lxml import etree
        from requests import Session
        from requests.auth import HTTPBasicAuth
        from zeep import Client
        from zeep.exceptions import Fault
        from zeep.transports import Transport

        wsdl, user, password, message_id, change_type, document = sys.argv[1:7]
        session = Session()
        session.trust_env = False
        session.auth = HTTPBasicAuth(user, password)
        client = Client(wsdl, transport=Transport(session=session, timeout=30))
        order = etree.parse(document).getroot()
        try:
            answer = client.service.ReceiveOrder(MessageId=message_id, ChangeType=change_type, Document={'_value_1': order})
            print(json.dumps({'number': answer.ErpDocumentNumber, 'status': answer.Status}))
        except Fault as fault:
            ns = '{urn:erpbridge:erp:orders:v1}'
            detail = fault.detail.find(ns + 'ReceiveOrderFault') if fault.detail is not None else None
            print(json.dumps({'fault': fault.code, 'code': detail.findtext(ns + 'Code') if detail is not None else None, 'text': fault.message}))
        """;

    private ErpSandbox sandbox = null!;

    private static string SampleIdoc => Path.Combine(RepositoryFolders.Samples, "orders", "ORDERS05-1042-New.xml");

    [OneTimeSetUp]
    public async Task ProbeAsync()
    {
        await ExternalTools.RequireZeepAsync("lxml");
    }

    [SetUp]
    public async Task StartAsync() =>
        sandbox = await ErpSandbox.StartAsync(new ErpSandboxOptions { ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);

    [TearDown]
    public async Task StopAsync() => await sandbox.DisposeAsync();

    [Test]
    public async Task ZeepFromTheServedWsdl_HandsOverTheSampleIdocThenGetsDuplicate()
    {
        using var first = await RunAsync("ZEEP-1", "New");
        using var again = await RunAsync("ZEEP-1", "New");

        Assert.That(first.RootElement.GetProperty("status").GetString(), Is.EqualTo("Created"), first.RootElement.ToString());
        Assert.That(first.RootElement.GetProperty("number").GetString(), Is.EqualTo("0000012345"));
        Assert.That(again.RootElement.GetProperty("status").GetString(), Is.EqualTo("Duplicate"));
        var stored = sandbox.State().DocumentFor("WEBSHOP/1042");
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Content, Does.Contain("<MESTYP>ORDERS</MESTYP>"));
    }

    [Test]
    public async Task ZeepFromTheServedWsdl_ReadsTheTypedFaultDetail()
    {
        sandbox.FailNext(1, ErpSandboxFault.Client("MaterialUnknown", "Material MAT-100200 is not sold in 1000/10"));

        using var answer = await RunAsync("ZEEP-2", "New");

        Assert.That(answer.RootElement.GetProperty("code").GetString(), Is.EqualTo("MaterialUnknown"), answer.RootElement.ToString());
        Assert.That(answer.RootElement.GetProperty("fault").GetString(), Does.EndWith("Client"));
        Assert.That(answer.RootElement.GetProperty("text").GetString(), Does.Contain("not sold"));
    }

    private async Task<JsonDocument> RunAsync(string messageId, string changeType)
    {
        var result = await ExternalProcess.RunAsync(
            ExternalTools.Python,
            ["-I", "-c", Client, sandbox.WsdlAddress.AbsoluteUri, sandbox.Options.UserName, sandbox.Options.Password, messageId, changeType, SampleIdoc],
            TimeSpan.FromSeconds(90));
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        return JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]);
    }
}
