namespace ErpBridge.Tests.Support;

/// <summary>A throw-away maps root for engine tests; stylesheets are written into it by the test.</summary>
internal sealed class TempMaps : IDisposable
{
    public TempMaps()
    {
        Root = Path.Combine(Path.GetTempPath(), "erpbridge-maps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <c>{name}.xslt</c> under the root, creating folders.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar) + ".xslt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A stylesheet whose template body is <paramref name="body"/>, with parameter p.</summary>
    public static string Stylesheet(string body, string output = "<xsl:output method=\"xml\"/>") => $"""
        <?xml version="1.0"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          {output}
          <xsl:param name="p" select="'default'"/>
          <xsl:template match="/">{body}</xsl:template>
        </xsl:stylesheet>
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the system anyway.
        }
    }
}
