using System.Globalization;
using System.Xml;

namespace ErpBridge.Soap;

/// <summary>
/// Reads through another reader and stops at the gate's limits as soon as they are crossed: an element nested deeper
/// than the depth limit, or one entry too many in the message's list. Everything that reads the request (the
/// inspector, the validating reader, the serializer) reads through it, so no later stage sees more than the limits.
/// </summary>
internal sealed class LimitingXmlReader(XmlReader inner, int maxDepth, int maxItems) : XmlReader, IXmlLineInfo, IXmlNamespaceResolver
{
    private int itemDepth = -1;
    private int items;

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

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string XmlLang => inner.XmlLang;

    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    /// <summary>From now on, elements at this depth are the message's items (the operation element's depth + 2).</summary>
    public void CountItemsAt(int depth)
    {
        itemDepth = depth;
        items = 0;
    }

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        if (inner.NodeType == XmlNodeType.Element)
        {
            Check();
        }

        return true;
    }

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    public IDictionary<string, string> GetNamespacesInScope(XmlNamespaceScope scope) =>
        (inner as IXmlNamespaceResolver)?.GetNamespacesInScope(scope) ?? new Dictionary<string, string>();

    public string? LookupPrefix(string namespaceName) => (inner as IXmlNamespaceResolver)?.LookupPrefix(namespaceName);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check()
    {
        // Depth counts ancestors: the Envelope is at depth 0, level 1.
        if (inner.Depth >= maxDepth)
        {
            throw new GateLimitException(string.Create(CultureInfo.InvariantCulture, $"Elements are nested deeper than the limit of {maxDepth} levels (the Envelope is level 1): '{inner.LocalName}' is at level {inner.Depth + 1} (line {LineNumber}, position {LinePosition})."));
        }

        if (inner.Depth == itemDepth && ++items > maxItems)
        {
            throw new GateLimitException(string.Create(CultureInfo.InvariantCulture, $"The message holds more than the limit of {maxItems} items per message ('{inner.LocalName}' number {items}, line {LineNumber}, position {LinePosition}); send the rest in further messages."));
        }
    }
}
