using System.Globalization;
using System.Xml;
using ErpBridge.Core.Xml;

namespace ErpBridge.Soap;

/// <summary>
/// Reads through another reader and stops at the gate's limits as soon as they are crossed: an element nested deeper
/// than the depth limit, or one entry too many in the message's list. Everything that reads the request (the
/// inspector, the validating reader, the serializer) reads through it, so no later stage sees more than the limits.
/// </summary>
internal sealed class LimitingXmlReader(XmlReader inner, int maxDepth, int maxItems) : DelegatingXmlReader(inner, ownsInner: true)
{
    private int itemDepth = -1;
    private int items;

    /// <summary>From now on, elements at this depth are the message's items (the operation element's depth + 2).</summary>
    public void CountItemsAt(int depth)
    {
        itemDepth = depth;
        items = 0;
    }

    public override bool Read()
    {
        if (!Inner.Read())
        {
            return false;
        }

        if (Inner.NodeType == XmlNodeType.Element)
        {
            Check();
        }

        return true;
    }

    private void Check()
    {
        // Depth counts ancestors: the Envelope is at depth 0, level 1.
        if (Inner.Depth >= maxDepth)
        {
            throw new GateLimitException(string.Create(CultureInfo.InvariantCulture, $"Elements are nested deeper than the limit of {maxDepth} levels (the Envelope is level 1): '{Inner.LocalName}' is at level {Inner.Depth + 1} (line {LineNumber}, position {LinePosition})."));
        }

        if (Inner.Depth == itemDepth && ++items > maxItems)
        {
            throw new GateLimitException(string.Create(CultureInfo.InvariantCulture, $"The message holds more than the limit of {maxItems} items per message ('{Inner.LocalName}' number {items}, line {LineNumber}, position {LinePosition}); send the rest in further messages."));
        }
    }
}
