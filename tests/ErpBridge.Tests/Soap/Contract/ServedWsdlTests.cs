using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Soap.Contract;

/// <summary>The contract as clients download it: the hand-written files, with addresses that resolve.</summary>
public sealed class ServedWsdlTests
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private BridgeFixture bridge = null!;
    private readonly HttpClient http = new();

    [OneTimeSetUp]
    public async Task StartAsync() => bridge = await BridgeFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        http.Dispose();
        await bridge.DisposeAsync();
    }

    [Test]
    public async Task Wsdl_Served_IsTheRepositoryFileWithLiveAddresses()
    {
        var served = XDocument.Parse(await http.GetStringAsync(new Uri(bridge.ServiceAddress + "?wsdl")));
        var file = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "wsdl", "ErpBridgeService.wsdl"));

        Assert.That(Operations(served), Is.EqualTo(Operations(file)));
        Assert.That(Operations(served), Is.EquivalentTo(new[] { "SubmitInventory", "SubmitProducts", "SubmitShipments", "SubmitDocument", "GetMessageStatus", "FetchOrders", "AcknowledgeOrders", "StartReconciliation", "GetReconciliationReport" }));
        var addresses = served.Descendants().Where(e => e.Name.LocalName == "address").Select(e => (string)e.Attribute("location")!).ToList();
        Assert.That(addresses, Has.Count.EqualTo(2).And.All.EqualTo(bridge.ServiceAddress.ToString()));
        Assert.That(served.Root!.Elements(Wsdl + "binding").Select(b => (string)b.Attribute("name")!), Is.EqualTo(new[] { "ErpBridgeServiceSoap11", "ErpBridgeServiceSoap12" }));
    }

    [Test]
    public async Task Wsdl_Served_EveryOperationDeclaresTheFault()
    {
        var served = XDocument.Parse(await http.GetStringAsync(new Uri(bridge.ServiceAddress + "?wsdl")));
        var operations = served.Root!.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").ToList();
        Assert.That(operations.Select(o => (string?)o.Element(Wsdl + "fault")?.Attribute("message")), Is.All.EqualTo("tns:ErpBridgeFault"));
    }

    [Test]
    public async Task Schemas_FollowedFromServedWsdl_AllResolveAndCompile()
    {
        var served = XDocument.Parse(await http.GetStringAsync(new Uri(bridge.ServiceAddress + "?wsdl")));
        var set = new XmlSchemaSet();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(served.Descendants(Xs + "import").Select(i => (string)i.Attribute("schemaLocation")!));
        while (queue.TryDequeue(out var location))
        {
            if (!seen.Add(location))
            {
                continue;
            }

            Assert.That(location, Does.StartWith(bridge.BaseAddress.ToString()), "every import points at this host");
            var text = await http.GetStringAsync(new Uri(location));
            var schemaDocument = XDocument.Parse(text);
            foreach (var nested in schemaDocument.Descendants(Xs + "import"))
            {
                queue.Enqueue((string)nested.Attribute("schemaLocation")!);
            }

            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var schema = XmlSchema.Read(reader, null)!;
            if (!set.Contains(schema.TargetNamespace))
            {
                set.Add(schema);
            }
        }

        set.XmlResolver = new XmlUrlResolver();
        set.Compile();
        Assert.That(seen, Has.Count.EqualTo(8));
        Assert.That(set.GlobalElements.Names.Cast<XmlQualifiedName>().Select(n => n.Name), Is.SupersetOf(new[] { "SubmitInventory", "SubmitInventoryResponse", "GetMessageStatusResponse", "ErpBridgeFault" }));
    }

    private static List<string> Operations(XDocument wsdl) =>
        wsdl.Root!.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!).ToList();
}
