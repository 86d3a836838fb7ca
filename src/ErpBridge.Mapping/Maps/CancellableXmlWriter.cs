using System.Xml;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Passes every call to the inner writer after checking the token. XslCompiledTransform takes no token of its own;
/// a map writes its output as it goes, so checking each write stops a running map within one write of the cancel.
/// </summary>
internal sealed class CancellableXmlWriter(XmlWriter inner, CancellationToken cancellationToken) : XmlWriter
{
    public override WriteState WriteState => inner.WriteState;

    public override XmlWriterSettings? Settings => inner.Settings;

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string? XmlLang => inner.XmlLang;

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => Checked().WriteBase64(buffer, index, count);

    public override void WriteCData(string? text) => Checked().WriteCData(text);

    public override void WriteCharEntity(char ch) => Checked().WriteCharEntity(ch);

    public override void WriteChars(char[] buffer, int index, int count) => Checked().WriteChars(buffer, index, count);

    public override void WriteComment(string? text) => Checked().WriteComment(text);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => Checked().WriteDocType(name, pubid, sysid, subset);

    public override void WriteEndAttribute() => Checked().WriteEndAttribute();

    public override void WriteEndDocument() => Checked().WriteEndDocument();

    public override void WriteEndElement() => Checked().WriteEndElement();

    public override void WriteEntityRef(string name) => Checked().WriteEntityRef(name);

    public override void WriteFullEndElement() => Checked().WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => Checked().WriteProcessingInstruction(name, text);

    public override void WriteRaw(char[] buffer, int index, int count) => Checked().WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => Checked().WriteRaw(data);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => Checked().WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => Checked().WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => Checked().WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => Checked().WriteStartElement(prefix, localName, ns);

    public override void WriteString(string? text) => Checked().WriteString(text);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => Checked().WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => Checked().WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private XmlWriter Checked()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner;
    }
}
