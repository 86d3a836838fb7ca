using System.Text;
using System.Xml;
using ErpBridge.Core.Xml;
using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>Writes the one fault shape this service sends, for SOAP 1.1 and 1.2, with c:ErpBridgeFault as detail.</summary>
public static class FaultWriter
{
    /// <summary>Writes the Fault element (the content of soap:Body).</summary>
    public static void WriteFault(XmlWriter writer, SoapVersion version, SoapFault fault)
    {
        var env = version.EnvelopeNamespace();
        var prefix = writer.LookupPrefix(env) ?? "s";
        writer.WriteStartElement(prefix, "Fault", env);
        if (version == SoapVersion.Soap11)
        {
            // SOAP 1.1: faultcode, faultstring and detail are unqualified.
            writer.WriteStartElement("faultcode", "");
            writer.WriteQualifiedName(FaultCodeName(version, fault), env);
            writer.WriteEndElement();
            writer.WriteStartElement("faultstring", "");
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(XmlText(fault.Reason));
            writer.WriteEndElement();
            writer.WriteStartElement("detail", "");
            WriteDetail(writer, fault);
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteStartElement(prefix, "Code", env);
            writer.WriteStartElement(prefix, "Value", env);
            writer.WriteQualifiedName(FaultCodeName(version, fault), env);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(prefix, "Reason", env);
            writer.WriteStartElement(prefix, "Text", env);
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(XmlText(fault.Reason));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(prefix, "Detail", env);
            WriteDetail(writer, fault);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>A whole fault envelope as UTF-8 bytes.</summary>
    public static byte[] Envelope(SoapVersion version, SoapFault fault)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false }))
        {
            var env = version.EnvelopeNamespace();
            writer.WriteStartElement("s", "Envelope", env);
            writer.WriteStartElement("s", "Body", env);
            WriteFault(writer, version, fault);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// HTTP 500 for every fault, SOAP 1.2 sender faults included. The SOAP 1.2 HTTP binding suggests 400 there, but
    /// WCF clients read a fault body only from a 500 (anything else becomes "(400) Bad Request" and the fault is
    /// lost), and WCF and JAX-WS servers themselves answer SOAP 1.2 faults with 500. The WCF proxy tests hold this.
    /// </summary>
    public const int HttpStatus = 500;

    /// <summary>
    /// The text with every character XML cannot carry written as U+XXXX. A reason may quote what the request held (the
    /// parser's message quotes a control character it refused), and a writer that throws on it leaves the client with
    /// an empty HTTP 500 instead of the fault.
    /// </summary>
    internal static string XmlText(string text)
    {
        var first = XmlChars.IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlChars.IsPairAt(text, i))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    private static string FaultCodeName(SoapVersion version, SoapFault fault) => (version, fault) switch
    {
        (_, { IsVersionMismatch: true }) => "VersionMismatch",
        (SoapVersion.Soap11, { SenderFault: true }) => "Client",
        (SoapVersion.Soap11, _) => "Server",
        (_, { SenderFault: true }) => "Sender",
        _ => "Receiver",
    };

    private static void WriteDetail(XmlWriter writer, SoapFault fault)
    {
        writer.WriteStartElement("c", "ErpBridgeFault", Ns.Common);
        writer.WriteElementString("c", "Code", Ns.Common, fault.Code);
        writer.WriteElementString("c", "Reason", Ns.Common, XmlText(fault.Reason));
        writer.WriteElementString("c", "CorrelationId", Ns.Common, fault.CorrelationId);
        writer.WriteEndElement();
    }
}
