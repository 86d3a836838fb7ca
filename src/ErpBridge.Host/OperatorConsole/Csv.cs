using System.Text;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>
/// RFC 4180 CSV for the console's downloads. A field that a spreadsheet would run as a formula (starting with =, +, -,
/// @, a tab or a carriage return) gets a leading apostrophe: error texts come from platforms and must not execute.
/// </summary>
public static class Csv
{
    public static string Line(params object?[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Field(Convert.ToString(fields[i], System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        return line.Append("\r\n").ToString();
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
