using System.Xml;
using System.Xml.Xsl;

namespace ErpBridge.Mapping.Maps;

/// <summary>
/// Compiles one stylesheet file with everything that could reach outside it switched off (scripts, <c>document()</c>,
/// DTDs, imports through a resolver), and turns the compiler's complaints into a <see cref="MapCompileException"/>
/// that points at the line and column.
/// </summary>
internal static class StylesheetCompiler
{
    private static readonly XsltSettings Settings = new(enableDocumentFunction: false, enableScript: false);

    public static XslCompiledTransform Compile(string mapName, string path)
    {
        try
        {
            // Read the whole file first: an editor still writing produces a compile error now and a new stamp later.
            var text = File.ReadAllText(path);
            using var reader = XmlReader.Create(new StringReader(text), XsltMapEngine.SafeReaderSettings, path);
            var transform = new XslCompiledTransform();
            transform.Load(reader, Settings, stylesheetResolver: null);
            return transform;
        }
        catch (XsltException exception)
        {
            var (line, column) = exception.LineNumber > 0
                ? (exception.LineNumber, exception.LinePosition)
                : Position(exception.InnerException);
            throw new MapCompileException(mapName, Describe(exception), line, column, exception);
        }
        catch (XmlException exception)
        {
            throw new MapCompileException(mapName, exception.Message, exception.LineNumber, exception.LinePosition, exception);
        }
        catch (IOException exception)
        {
            throw new MapCompileException(mapName, $"the file cannot be read ({exception.Message})", 0, 0, exception);
        }
    }

    private static (int Line, int Column) Position(Exception? inner) => inner switch
    {
        XsltException x when x.LineNumber > 0 => (x.LineNumber, x.LinePosition),
        XmlException x => (x.LineNumber, x.LinePosition),
        _ => (0, 0),
    };

    private static string Describe(XsltException exception) =>
        exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{exception.Message} {inner.Message}"
            : exception.Message;
}
