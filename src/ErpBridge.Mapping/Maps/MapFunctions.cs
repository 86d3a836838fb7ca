using System.Globalization;
using System.Text;
using System.Xml.Linq;
using System.Xml.XPath;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// The extension functions every map may call, in namespace <see cref="Namespace"/> (prefix <c>mf</c> by
/// convention). They do in one pass what XSLT 1.0 can only do by recursing once per chunk of text, which costs
/// quadratic time and a stack frame per chunk: a long description or a long run of zeros would otherwise stall a
/// channel or overflow the stack, which no catch survives. Each call also checks the transform's cancellation token.
/// </summary>
public sealed class MapFunctions(CancellationToken cancellationToken)
{
    /// <summary>The namespace the maps declare for these functions.</summary>
    public const string Namespace = "urn:erpbridge:map-functions";

    /// <summary>
    /// <c>mf:AlphaOut(string)</c>: SAP's ALPHA output conversion. An all-digit value loses its leading zeros, keeping
    /// at least one digit ("000120" → "120", "000" → "0"); any other value is returned as it is.
    /// </summary>
    public string AlphaOut(string value)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (value.Length == 0 || !value.All(char.IsAsciiDigit))
        {
            return value;
        }

        var start = 0;
        while (start < value.Length - 1 && value[start] == '0')
        {
            start++;
        }

        return value[start..];
    }

    /// <summary>
    /// <c>mf:TextAsHtml(string)</c>: plain text as HTML. Carriage returns are dropped, <c>&amp; &lt; &gt; "</c>
    /// become entities and each line feed becomes <c>&lt;br&gt;</c>.
    /// </summary>
    public string TextAsHtml(string text)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var html = new StringBuilder(text.Length + (text.Length / 8));
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r': break;
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\n': html.Append("<br>"); break;
                default: html.Append(c); break;
            }
        }

        return html.ToString();
    }

    /// <summary>
    /// <c>mf:Chunks(string, size)</c>: the text cut into pieces of at most <c>size</c> characters, in order, as a
    /// node-set of <c>chunk</c> elements (iterate with <c>xsl:for-each</c>, read each with <c>.</c>); empty text
    /// gives no chunk. Characters count as XPath's <c>substring</c> counts them (UTF-16 units), except that a
    /// surrogate pair is never cut in two: its chunk ends one unit early.
    /// </summary>
    public XPathNodeIterator Chunks(string text, double size)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (double.IsNaN(size) || size < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size.ToString(CultureInfo.InvariantCulture), "mf:Chunks needs a size of at least 2.");
        }

        var length = (int)Math.Min(size, int.MaxValue);
        var chunks = new XElement("chunks");
        for (var start = 0; start < text.Length;)
        {
            var end = Math.Min(start + length, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
            {
                end--;
            }

            chunks.Add(new XElement("chunk", text[start..end]));
            start = end;
        }

        // Served from an XPathDocument: the transform puts the nodes in document order, and XPathDocument compares
        // positions at once where LINQ to XML walks the siblings, which made thousands of chunks cost quadratic time.
        using var reader = chunks.CreateReader();
        return new XPathDocument(reader).CreateNavigator().Select("/chunks/chunk");
    }
}
