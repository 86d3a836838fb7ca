using System.Text;

namespace ErpBridge.Mapping.Golden;

/// <summary>
/// A unified-style line diff (<c>@@ -a,b +c,d @@</c> hunks, <c>-</c> expected, <c>+</c> actual, three lines of
/// context). Common leading and trailing lines are cut first; a middle too large for the table is shown as
/// replaced wholesale rather than spending seconds on it.
/// </summary>
public static class LineDiff
{
    private const int Context = 3;
    private const long MaxTableCells = 4_000_000;

    public static string Unified(string expected, string actual, string expectedLabel = "expected", string actualLabel = "actual")
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return "";
        }

        var output = new StringBuilder();
        output.Append("--- ").AppendLine(expectedLabel).Append("+++ ").AppendLine(actualLabel);
        var index = 0;
        while (index < edits.Count)
        {
            var firstChange = edits.FindIndex(index, e => e.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }

            var start = Math.Max(index, firstChange - Context);
            var end = firstChange;
            while (true)
            {
                var next = edits.FindIndex(end, e => e.Kind != ' ');
                if (next < 0 || next > end + 2 * Context)
                {
                    break;
                }

                end = next;
                while (end < edits.Count && edits[end].Kind != ' ')
                {
                    end++;
                }
            }

            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var oldStart = hunk.Count > 0 ? hunk[0].OldLine : 0;
            var newStart = hunk.Count > 0 ? hunk[0].NewLine : 0;
            output.Append("@@ -").Append(oldStart + 1).Append(',').Append(hunk.Count(e => e.Kind != '+'))
                .Append(" +").Append(newStart + 1).Append(',').Append(hunk.Count(e => e.Kind != '-')).AppendLine(" @@");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).AppendLine(edit.Text);
            }

            index = end;
        }

        return output.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<Edit>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(' ', a[i], i, i));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m > MaxTableCells)
        {
            for (var i = 0; i < n; i++)
            {
                edits.Add(new Edit('-', a[prefix + i], prefix + i, prefix));
            }

            for (var j = 0; j < m; j++)
            {
                edits.Add(new Edit('+', b[prefix + j], prefix + n, prefix + j));
            }
        }
        else
        {
            // Longest common subsequence table over the differing middle, read forwards.
            var table = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    table[i, j] = a[prefix + i] == b[prefix + j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    edits.Add(new Edit(' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || table[x + 1, y] >= table[x, y + 1]))
                {
                    edits.Add(new Edit('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    edits.Add(new Edit('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }
        }

        for (var k = suffix; k > 0; k--)
        {
            edits.Add(new Edit(' ', a[^k], a.Length - k, b.Length - k));
        }

        return edits;
    }
}
