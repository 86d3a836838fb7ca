using System.Xml.Linq;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Tests.ErpPush;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// An IDoc over SOAP into the real host with the Development configuration (the demo SAP source PRDCLNT100 has audits
/// on), delivered to the four store sandboxes, then its ALEAUD01 in the SAP-style ERP sandbox.
/// </summary>
public sealed class IdocAuditEndToEndTests
{
    private SapWorld sap = null!;
    private ErpSandbox erp = null!;
    private DeliveryWorld world = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sap = await SapWorld.StartAsync();
        (erp, world) = (sap.Erp, sap.Stores);
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (sap is not null)
        {
            await sap.DisposeAsync();
        }
    }

    [Test]
    public async Task StockIdoc_DeliveredToEveryStore_SapGetsAleaud01With41_OtherSourcesNone()
    {
        await world.SubmitAsync(Loistd01("OTHER-1", "OTHERSYS", "0000000004719001", "E2E-002"));
        await world.WaitForAsync("OTHER-1", "Delivered");
        await world.SubmitAsync(Loistd01("SAP-1", "PRDCLNT100", "0000000004712001", "E2E-001"));
        await world.WaitForAsync("SAP-1", "Delivered");

        await DeliveryWorld.EventuallyAsync(() => erp.State().Audits.Count > 0, "an ALEAUD01 reaches the ERP");

        var audit = erp.State().Audits.Single();
        var confirmation = audit.Confirmations.Single();
        Assert.That((confirmation.DocNum, confirmation.MessageType, confirmation.Status), Is.EqualTo(("0000000004712001", "LOISTD", "41")));
        Assert.That(confirmation.StatusText, Does.StartWith("Delivered to "));
        Assert.That(AleAuditSamples.Validate(XElement.Parse(audit.Content)), Is.Empty);
        var control = XElement.Parse(audit.Content).Element("IDOC")!.Element("EDI_DC40")!;
        Assert.That((string?)control.Element("RCVPRN"), Is.EqualTo("PRDCLNT100"), "the audit goes back to the system that sent the IDoc");
    }

    [Test]
    public async Task StockIdoc_FailingOnAStore_SapGetsStatus51WithTheReason()
    {
        world.FailEverywhere(100, 400);
        await world.SubmitAsync(Loistd01("SAP-2", "PRDCLNT100", "0000000004712002", "E2E-003"));
        await world.WaitForAsync("SAP-2", "Failed", "Delivered");

        await DeliveryWorld.EventuallyAsync(() => erp.State().Audits.Count > 0, "an ALEAUD01 reaches the ERP");

        var confirmation = erp.State().ConfirmationsOf("0000000004712002").Single();
        Assert.That(confirmation.Status, Is.EqualTo("51"));
        Assert.That(confirmation.StatusText, Is.Not.Empty.And.Length.LessThanOrEqualTo(70));
        Assert.That(confirmation.StatusText, Does.Match("^(shopify|bigcommerce|woocommerce|magento)-demo: "), "the status text names the channel it failed on");
    }

    private static string Loistd01(string messageId, string source, string docNum, string sku) =>
        $"""
        <doc:SubmitDocument xmlns:doc="urn:erpbridge:documents:v1"><doc:MessageId>{messageId}</doc:MessageId><doc:SentAt>2026-11-26T10:00:00Z</doc:SentAt><doc:SourceSystem>{source}</doc:SourceSystem><doc:DocumentType>LOISTD01</doc:DocumentType><doc:Payload><LOISTD01><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>{docNum}</DOCNUM><DIRECT>1</DIRECT><IDOCTYP>LOISTD01</IDOCTYP><MESTYP>LOISTD</MESTYP><SNDPOR>SAPPRD</SNDPOR><SNDPRT>LS</SNDPRT><SNDPRN>{source}</SNDPRN><RCVPOR>ERPBRIDGE</RCVPOR><RCVPRT>LS</RCVPRT><RCVPRN>ERPBRIDGE</RCVPRN><CREDAT>20261126</CREDAT><CRETIM>100000</CRETIM></EDI_DC40><E1MDSTL SEGMENT="1"><MATNR>{sku}</MATNR><WERKS>{DeliveryWorld.Location}</WERKS><LABST>5.000</LABST></E1MDSTL></IDOC></LOISTD01></doc:Payload></doc:SubmitDocument>
        """;
}
