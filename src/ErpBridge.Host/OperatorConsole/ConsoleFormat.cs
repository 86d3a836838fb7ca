using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>Times and ages as the console shows them: UTC, invariant, to the second.</summary>
public static class ConsoleFormat
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0 s",
        { TotalMinutes: < 2 } => $"{(int)age.TotalSeconds} s",
        { TotalHours: < 2 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };

    /// <summary>A stored document indented for reading; as stored when it does not parse (it was accepted, so it should).</summary>
    public static string Xml(string? document)
    {
        if (string.IsNullOrEmpty(document))
        {
            return "";
        }

        try
        {
            return XDocument.Parse(document, LoadOptions.None).ToString();
        }
        catch (XmlException)
        {
            return document;
        }
    }
}
