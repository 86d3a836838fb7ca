using System.Text;
using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Messages;

namespace ErpBridge.Mapping.Golden;

/// <summary>
/// Renders a document so that two documents with the same meaning render the same: insignificant whitespace,
/// namespace prefixes, attribute order, comments and processing instructions do not count; text that is data
/// (any text in an element without child elements) is kept exactly. The rendering is indented, one node a line,
/// so that a line diff of two renderings reads well.
/// </summary>
public static class CanonicalXml
{
    // Fixed prefixes for the vocabularies every map writes, so diffs read like the maps themselves.
    private static readonly Dictionary<string, string> WellKnownPrefixes = new(StringComparer.Ordinal)
    {
        [Plans.RequestPlan.Namespace] = "plan",
        [Json.JsonXml.Namespace] = "fn",
        [XmlNamespaces.Inventory] = "inv",
        [XmlNamespaces.Products] = "prd",
        [XmlNamespaces.Shipments] = "shp",
    };

    public static string Render(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root ?? throw new ArgumentException("The document has no root element.", nameof(document));
        var prefixes = new Dictionary<XNamespace, string>();
        var builder = new StringBuilder();
        Element(root, 0, builder, prefixes);
        if (prefixes.Count > 0)
        {
            builder.AppendLine();
            foreach (var (ns, prefix) in prefixes)
            {
                builder.Append("# ").Append(prefix).Append(" = ").AppendLine(ns.NamespaceName);
            }
        }

        return builder.ToString();
    }

    private static void Element(XElement element, int depth, StringBuilder builder, Dictionary<XNamespace, string> prefixes)
    {
        var indent = new string(' ', depth * 2);
        builder.Append(indent).Append('<').Append(Name(element.Name, prefixes));
        foreach (var attribute in element.Attributes()
                     .Where(a => !a.IsNamespaceDeclaration)
                     .OrderBy(a => a.Name.NamespaceName, StringComparer.Ordinal)
                     .ThenBy(a => a.Name.LocalName, StringComparer.Ordinal))
        {
            builder.Append(' ').Append(Name(attribute.Name, prefixes)).Append("=\"").Append(Escape(attribute.Value, attribute: true)).Append('"');
        }

        if (!element.HasElements)
        {
            var text = element.Value;
            if (text.Length == 0)
            {
                builder.AppendLine("/>");
            }
            else
            {
                builder.Append('>').Append(Escape(text, attribute: false)).Append("</").Append(Name(element.Name, prefixes)).AppendLine(">");
            }

            return;
        }

        builder.AppendLine(">");
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Element(child, depth + 1, builder, prefixes);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    builder.Append(indent).Append("  ").AppendLine(Escape(text.Value, attribute: false));
                    break;
            }
        }

        builder.Append(indent).Append("</").Append(Name(element.Name, prefixes)).AppendLine(">");
    }

    private static string Name(XName name, Dictionary<XNamespace, string> prefixes)
    {
        if (name.Namespace == XNamespace.None)
        {
            return name.LocalName;
        }

        if (!prefixes.TryGetValue(name.Namespace, out var prefix))
        {
            prefix = WellKnownPrefixes.TryGetValue(name.Namespace.NamespaceName, out var known) ? known : "ns" + (prefixes.Count + 1);
            prefixes.Add(name.Namespace, prefix);
        }

        return prefix + ":" + name.LocalName;
    }

    /// <summary>Escapes markup and makes every character that is hard to see (line breaks, tabs, controls) visible.</summary>
    private static string Escape(string text, bool attribute)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\n' => "&#xA;",
                '\r' => "&#xD;",
                '\t' => "&#x9;",
                _ when char.IsControl(c) => $"&#x{(int)c:X};",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Loads a file for comparison: no DTDs, whitespace kept so that data text survives as written.</summary>
    public static XDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }
}
