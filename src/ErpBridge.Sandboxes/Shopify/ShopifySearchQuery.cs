using System.Text;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// The slice of Shopify's search syntax the sandbox understands: <c>sku:A OR sku:"B C"</c> (terms joined by OR,
/// values bare or double-quoted with backslash escapes). Terms on other fields match nothing; an empty query matches all.
/// </summary>
internal static class ShopifySearchQuery
{
    /// <summary>The SKUs asked for, or null when the query has no terms (match everything).</summary>
    public static HashSet<string>? Skus(string? query) => Values(query, "sku");

    /// <summary>The order names asked for (<c>name:#1001</c>), or null when the query has no terms.</summary>
    public static HashSet<string>? Names(string? query) => Values(query, "name");

    private static HashSet<string>? Values(string? query, string fieldName)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (position < query.Length)
        {
            if (char.IsWhiteSpace(query[position]))
            {
                position++;
                continue;
            }

            var term = ReadTerm(query, ref position);
            if (term is "OR" or "AND")
            {
                continue;
            }

            var colon = term.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && term[..colon] == fieldName)
            {
                skus.Add(term[(colon + 1)..]);
            }
        }

        return skus;
    }

    private static string ReadTerm(string query, ref int position)
    {
        var term = new StringBuilder();
        var quoted = false;
        while (position < query.Length)
        {
            var c = query[position];
            if (quoted && c == '\\' && position + 1 < query.Length)
            {
                term.Append(query[position + 1]);
                position += 2;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
                position++;
                continue;
            }

            if (!quoted && char.IsWhiteSpace(c))
            {
                break;
            }

            term.Append(c);
            position++;
        }

        return term.ToString();
    }
}
