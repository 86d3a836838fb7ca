using System.Text;

namespace ErpBridge.Bench;

/// <summary>Escapes text for XML element content and attribute values.</summary>
internal static class XmlText
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
