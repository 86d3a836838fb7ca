using System.Text;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// The slice of Shopify's search syntax the sandbox understands: <c>sku:A OR sku:"B C"</c> (terms joined by OR,
/// values bare, double- or single-quoted with backslash escapes), and comparisons such as
/// <c>updated_at:&gt;='2026-01-01T00:00:00Z'</c>. Terms on other fields match nothing; an empty query matches all.
/// </summary>
internal static class ShopifySearchQuery
{
    /// <summary>The SKUs asked for, or null when the query has no terms (match everything).</summary>
    public static HashSet<string>? Skus(string? query) => Values(query, "sku");

    /// <summary>Every term of the query as field, comparator (<c>:</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>) and unquoted value; bare words have no field.</summary>
    public static IReadOnlyList<(string? Field, string Comparator, string Value)> Terms(string? query)
    {
        var terms = new List<(string?, string, string)>();
        var position = 0;
        while (query is not null && position < query.Length)
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
            if (colon <= 0)
            {
                terms.Add((null, ":", term));
                continue;
            }

            var rest = term[(colon + 1)..];
            var comparator = rest.StartsWith(">=", StringComparison.Ordinal) || rest.StartsWith("<=", StringComparison.Ordinal) ? rest[..2]
                : rest.StartsWith('>') || rest.StartsWith('<') ? rest[..1] : ":";
            terms.Add((term[..colon], comparator, comparator == ":" ? rest : rest[comparator.Length..]));
        }

        return terms;
    }

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
        char? quote = null;
        while (position < query.Length)
        {
            var c = query[position];
            if (quote is not null && c == '\\' && position + 1 < query.Length)
            {
                term.Append(query[position + 1]);
                position += 2;
                continue;
            }

            if ((c is '"' or '\'' && quote is null) || c == quote)
            {
                quote = quote is null ? c : null;
                position++;
                continue;
            }

            if (quote is null && char.IsWhiteSpace(c))
            {
                break;
            }

            term.Append(c);
            position++;
        }

        return term.ToString();
    }
}
