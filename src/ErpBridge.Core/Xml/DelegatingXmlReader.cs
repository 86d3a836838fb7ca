using System.Xml;

namespace ErpBridge.Core.Xml;

/// <summary>
/// Reads through another reader, member for member, so that a reader adding one rule (a limit, a cancellation check)
/// overrides only <see cref="Read"/> and keeps the inner reader's line information and namespace scope.
/// </summary>
/// <param name="inner">The reader read through.</param>
/// <param name="ownsInner">Whether disposing this reader disposes the inner one.</param>
public abstract class DelegatingXmlReader(XmlReader inner, bool ownsInner) : XmlReader, IXmlLineInfo, IXmlNamespaceResolver
{
    /// <summary>The reader read through.</summary>
    protected XmlReader Inner { get; } = inner;

    public override int AttributeCount => Inner.AttributeCount;

    public override string BaseURI => Inner.BaseURI;

    public override int Depth => Inner.Depth;

    public override bool EOF => Inner.EOF;

    public override bool HasValue => Inner.HasValue;

    public override bool IsDefault => Inner.IsDefault;

    public override bool IsEmptyElement => Inner.IsEmptyElement;

    public override string LocalName => Inner.LocalName;

    public override string Name => Inner.Name;

    public override string NamespaceURI => Inner.NamespaceURI;

    public override XmlNameTable NameTable => Inner.NameTable;

    public override XmlNodeType NodeType => Inner.NodeType;

    public override string Prefix => Inner.Prefix;

    public override ReadState ReadState => Inner.ReadState;

    public override XmlReaderSettings? Settings => Inner.Settings;

    public override string Value => Inner.Value;

    public override XmlSpace XmlSpace => Inner.XmlSpace;

    public override string XmlLang => Inner.XmlLang;

    public int LineNumber => (Inner as IXmlLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (Inner as IXmlLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => Inner is IXmlLineInfo info && info.HasLineInfo();

    public override bool Read() => Inner.Read();

    public override string GetAttribute(int i) => Inner.GetAttribute(i);

    public override string? GetAttribute(string name) => Inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => Inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => Inner.LookupNamespace(prefix);

    public override void MoveToAttribute(int i) => Inner.MoveToAttribute(i);

    public override bool MoveToAttribute(string name) => Inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => Inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => Inner.MoveToElement();

    public override bool MoveToFirstAttribute() => Inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => Inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => Inner.ReadAttributeValue();

    public override void ResolveEntity() => Inner.ResolveEntity();

    public IDictionary<string, string> GetNamespacesInScope(XmlNamespaceScope scope) =>
        (Inner as IXmlNamespaceResolver)?.GetNamespacesInScope(scope) ?? new Dictionary<string, string>();

    public string? LookupPrefix(string namespaceName) => (Inner as IXmlNamespaceResolver)?.LookupPrefix(namespaceName);

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
