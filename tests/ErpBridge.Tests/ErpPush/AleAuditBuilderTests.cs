using System.Xml.Linq;
using ErpBridge.ErpPush.Audit;

namespace ErpBridge.Tests.ErpPush;

/// <summary>The ALEAUD01 the bridge sends SAP: valid against its XSD, the sender's DOCNUM, and text cut to SAP's field lengths.</summary>
public sealed class AleAuditBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 5, 9, TimeSpan.Zero);

    [Test]
    public void Build_Delivered_IsValidAleaud01WithStatus41ForTheReceivedDocnum()
    {
        var idocs = ReceivedIdoc.Read(AleAuditSamples.Delvry07());

        var audit = AleAuditBuilder.Build(idocs, new AuditOutcome("41", false, "Delivered to shopify-demo, magento-demo", null, "SAP-1"), "0000000012345678", At);

        Assert.That(AleAuditSamples.Validate(audit), Is.Empty);
        var state = audit.Descendants("E1STATE").Single();
        Assert.That((string?)state.Element("DOCNUM"), Is.EqualTo(AleAuditSamples.DeliveryDocNum));
        Assert.That((string?)state.Element("STATUS"), Is.EqualTo("41"));
        Assert.That((string?)state.Element("STATYP"), Is.EqualTo("S"));
        Assert.That((string?)state.Element("STATXT"), Is.EqualTo("Delivered to shopify-demo, magento-demo"));
        Assert.That((string?)state.Element("LOGDAT") + (string?)state.Element("LOGTIM"), Is.EqualTo("20261126100509"));
        Assert.That((string?)audit.Descendants("E1ADHDR").Single().Element("MESTYP"), Is.EqualTo("SHPCON"));
    }

    [Test]
    public void Build_ControlRecord_GoesBackTheWayTheIdocCame()
    {
        var audit = AleAuditBuilder.Build(ReceivedIdoc.Read(AleAuditSamples.Delvry07()), new AuditOutcome("41", false, "ok", null, "SAP-1"), "0000000012345678", At);

        var control = audit.Element("IDOC")!.Element("EDI_DC40")!;
        Assert.That(
            new[] { "IDOCTYP", "MESTYP", "DIRECT", "DOCNUM", "MANDT", "SNDPOR", "SNDPRN", "RCVPOR", "RCVPRT", "RCVPRN" }.Select(f => (string?)control.Element(f)),
            Is.EqualTo(new[] { "ALEAUD01", "ALEAUD", "2", "0000000012345678", "100", "ERPBRIDGE", "ERPBRIDGE", "SAPPRD", "LS", "PRDCLNT100" }));
    }

    [Test]
    public void Build_FailedWithALongReason_CutsToSapFieldLengths_AndStaysValid()
    {
        var reason = "magento-demo: The product that was requested doesn't exist. Verify the product and try again. SKU 'MAT-ÄÖÜ-000000000000000000000000000000000123' & more";
        var channel = "a-channel-name-that-is-longer-than-twenty";
        var outcome = new AuditOutcome("51", true, reason, channel, "4F1A9C2E7B3D11EFA1B2005056A1C0DE-with-a-very-long-suffix-beyond-fifty");

        var audit = AleAuditBuilder.Build(ReceivedIdoc.Read(AleAuditSamples.Delvry07()), outcome, "0000000012345678", At);

        Assert.That(AleAuditSamples.Validate(audit), Is.Empty);
        var state = audit.Descendants("E1STATE").Single();
        var statusText = (string)state.Element("STATXT")!;
        Assert.That(statusText, Has.Length.EqualTo(70));
        Assert.That(reason, Does.StartWith(statusText));
        Assert.That((string?)state.Element("STATUS"), Is.EqualTo("51"));
        Assert.That((string?)state.Element("STATYP"), Is.EqualTo("E"));
        Assert.That((string?)state.Element("STAPA1"), Is.EqualTo(channel[..20]));
        Assert.That((string?)state.Element("STAPA1_LNG"), Is.EqualTo(channel));
        Assert.That(((string)state.Element("STAPA2_LNG")!).Length, Is.EqualTo(50));
        Assert.That(reason, Does.Contain(statusText + " " + (string)state.Element("STAPA3_LNG")!).Or.Contain(statusText + (string)state.Element("STAPA3_LNG")!), "the reason continues in STAPA3_LNG");
        Assert.That(state.Elements().Where(e => e.Name.LocalName.StartsWith("STAPA", StringComparison.Ordinal)).Select(e => e.Value.Length),
            Has.All.LessThanOrEqualTo(50));
        Assert.That(state.Elements().Where(e => e.Name.LocalName is "STAPA1" or "STAPA2" or "STAPA3" or "STAPA4").Select(e => e.Value.Length), Has.All.LessThanOrEqualTo(20));
    }

    [Test]
    public void Build_SeveralIdocsInOneFile_OneStatePerIdoc_GroupedByMessageType()
    {
        var file = AleAuditSamples.Idocs("MATMAS05", ("MATMAS", "0000000000000101"), ("MATMAS", "0000000000000102"), ("MATMAS_LONGER_NAME", "103"));

        var audit = AleAuditBuilder.Build(ReceivedIdoc.Read(file), new AuditOutcome("41", false, "ok", null, "SAP-2"), "1", At);

        Assert.That(AleAuditSamples.Validate(audit), Is.Empty);
        var headers = audit.Descendants("E1ADHDR").ToList();
        Assert.That(headers.Select(h => (string?)h.Element("MESTYP_LNG")), Is.EqualTo(new[] { "MATMAS", "MATMAS_LONGER_NAME" }));
        Assert.That(headers[1].Element("MESTYP"), Is.Null, "MESTYP holds six characters; a longer name only MESTYP_LNG");
        Assert.That(audit.Descendants("E1STATE").Select(s => (string?)s.Element("DOCNUM")), Is.EqualTo(new[] { "0000000000000101", "0000000000000102", "103" }));
    }

    [Test]
    public void Read_DocumentWithoutControlRecordsOrDocnum_HasNoIdocs()
    {
        var oracle = XElement.Parse("<SHOW_SHIPMENT_005><CNTROLAREA><BSR><VERB>SHOW</VERB></BSR></CNTROLAREA></SHOW_SHIPMENT_005>");
        var withoutNumber = AleAuditSamples.Delvry07();
        withoutNumber.Descendants("DOCNUM").Single().Remove();

        Assert.That(ReceivedIdoc.Read(oracle), Is.Empty);
        Assert.That(ReceivedIdoc.Read(withoutNumber), Is.Empty);
    }

    [Test]
    public void Validate_AuditThatBreaksTheStructure_IsRefusedByTheSchema()
    {
        // Guards the guard: the schema must reject what SAP would reject.
        var audit = AleAuditBuilder.Build(ReceivedIdoc.Read(AleAuditSamples.Delvry07()), new AuditOutcome("41", false, "ok", null, "SAP-1"), "1", At);
        audit.Descendants("STATUS").Single().Value = "411";
        audit.Descendants("STATXT").Single().Value = new string('x', 71);

        Assert.That(AleAuditSamples.Validate(audit), Has.Count.EqualTo(2));
    }
}
