using System.Xml.Linq;

namespace ErpBridge.Sandboxes.Erp;

/// <summary>The SOAP 1.1 envelopes the receiver answers with: the ReceiveOrder and ReceiveAudit responses and faults with the er:ReceiveOrderFault detail.</summary>
internal static class SoapMessages
{
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Receiver = "urn:erpbridge:erp:orders:v1";

    public static string Response(ErpSandboxReceipt receipt) =>
        Envelope(new XElement(
            Receiver + "ReceiveOrderResponse",
            new XElement(Receiver + "ErpDocumentNumber", receipt.DocumentNumber),
            new XElement(Receiver + "Status", receipt.Status)));

    public static string AuditResponse(string idocNumber, string status) =>
        Envelope(new XElement(
            Receiver + "ReceiveAuditResponse",
            new XElement(Receiver + "IdocNumber", idocNumber),
            new XElement(Receiver + "Status", status)));

    /// <summary>A fault; <paramref name="faultCode"/> is Client, Server or VersionMismatch (in the SOAP 1.1 envelope namespace).</summary>
    public static string Fault(string faultCode, string code, string text) =>
        Envelope(new XElement(
            Soap11 + "Fault",
            new XElement("faultcode", new XAttribute(XNamespace.Xmlns + "soap", Soap11), "soap:" + faultCode),
            new XElement("faultstring", text),
            new XElement(
                "detail",
                new XElement(
                    Receiver + "ReceiveOrderFault",
                    new XElement(Receiver + "Code", code),
                    new XElement(Receiver + "Text", text)))));

    private static string Envelope(XElement body) =>
        new XElement(
            Soap11 + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", Soap11),
            new XElement(Soap11 + "Body", body)).ToString(SaveOptions.DisableFormatting);
}
