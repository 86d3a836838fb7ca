using System.Xml;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Passes every call to the inner reader and checks the token on each <see cref="Read"/>, so loading a large map
/// input stops when the message's time runs out (the transform reads its whole input before it starts).
/// </summary>
internal sealed class CancellableXmlReader(XmlReader inner, CancellationToken cancellationToken) : XmlReader, IXmlLineInfo
{
    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool HasValue => inner.HasValue;

    public override bool IsDefault => inner.IsDefault;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string Name => inner.Name;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override XmlReaderSettings? Settings => inner.Settings;

    public override string Value => inner.Value;

    public override string XmlLang => inner.XmlLang;

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Read();
    }

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    // Dispose leaves the inner reader alone: whoever passed it in owns it.
}
