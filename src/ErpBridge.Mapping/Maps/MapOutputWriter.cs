using System.Text;
using System.Xml;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// The writer a map's output goes through on its way into the result document. It checks the token on every call:
/// XslCompiledTransform takes no token of its own, and a map writes its output as it goes, so a cancel stops a
/// running map within one write. It also hands consecutive text to the document in one piece: the document's own
/// writer appends each piece of text to the text before it by concatenation, which made a 10,000-line description
/// cost quadratic time however linear the map was.
/// </summary>
internal sealed class MapOutputWriter(XmlWriter inner, CancellationToken cancellationToken) : XmlWriter
{
    private readonly StringBuilder text = new();

    public override WriteState WriteState => inner.WriteState;

    public override XmlWriterSettings? Settings => inner.Settings;

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string? XmlLang => inner.XmlLang;

    public override void Flush() => Next().Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => Next().WriteBase64(buffer, index, count);

    public override void WriteCData(string? text) => Next().WriteCData(text);

    public override void WriteCharEntity(char ch) => Next().WriteCharEntity(ch);

    public override void WriteChars(char[] buffer, int index, int count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        text.Append(buffer, index, count);
    }

    public override void WriteComment(string? text) => Next().WriteComment(text);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => Next().WriteDocType(name, pubid, sysid, subset);

    public override void WriteEndAttribute() => Next().WriteEndAttribute();

    public override void WriteEndDocument() => Next().WriteEndDocument();

    public override void WriteEndElement() => Next().WriteEndElement();

    public override void WriteEntityRef(string name) => Next().WriteEntityRef(name);

    public override void WriteFullEndElement() => Next().WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => Next().WriteProcessingInstruction(name, text);

    public override void WriteRaw(char[] buffer, int index, int count) => Next().WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => Next().WriteRaw(data);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => Next().WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => Next().WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => Next().WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => Next().WriteStartElement(prefix, localName, ns);

    public override void WriteString(string? text)
    {
        cancellationToken.ThrowIfCancellationRequested();
        this.text.Append(text);
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => Next().WriteSurrogateCharEntity(lowChar, highChar);

    // Whitespace is text to the document; it joins the text around it as the document's writer would join it.
    public override void WriteWhitespace(string? ws) => WriteString(ws);

    protected override void Dispose(bool disposing)
    {
        // Text still gathered here is dropped: a finished transform is flushed first, a failed one is thrown away.
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The inner writer, once the token is checked and the text gathered so far is written.</summary>
    private XmlWriter Next()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length > 0)
        {
            inner.WriteString(text.ToString());
            text.Clear();
        }

        return inner;
    }
}
