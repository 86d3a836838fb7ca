using System.Text;
using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>A cancelled token stops a map while it runs, not only before it starts (a message's time budget relies on it).</summary>
public sealed class XsltMapEngineCancellationTests
{
    // Quadratic on purpose: for each of the input's elements it counts the elements not smaller, so 20,000 elements take
    // minutes, while the output grows by one element per outer step.
    private const string SlowWritingMap = """
        <out><xsl:for-each select="in/e"><n><xsl:value-of select="count(../e[. &gt;= current()])"/></n></xsl:for-each></out>
        """;

    // The same work into a variable, calling an extension function each step: nothing reaches the output until the end.
    private const string SlowSilentMap = """
        <xsl:variable name="all"><xsl:for-each select="in/e"><xsl:value-of select="mf:AlphaOut(string(count(../e[. &gt;= current()])))"/></xsl:for-each></xsl:variable>
        <out><xsl:value-of select="string-length($all)"/></out>
        """;

    private TempMaps maps = null!;

    [SetUp]
    public void CreateRoot() => maps = new TempMaps();

    [TearDown]
    public void DeleteRoot() => maps.Dispose();

    [Test]
    public void Transform_CancelledWhileTheMapWrites_ThrowsOperationCanceledAndTheMapStillRunsAfterwards()
    {
        maps.Write("outbound/slow/Inventory", TempMaps.Stylesheet(SlowWritingMap));
        using var engine = RepositoryMaps.Open(maps.Root);
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(() => engine.Transform("outbound/slow/Inventory", Elements(20_000), cancellationToken: budget.Token), Throws.InstanceOf<OperationCanceledException>());
        var small = engine.Transform("outbound/slow/Inventory", Elements(3));
        Assert.That(small.Root!.Elements().Select(e => e.Value), Is.EqualTo(new[] { "3", "2", "1" }));
    }

    [Test]
    public void Transform_CancelledWhileTheMapCallsMapFunctionsWithoutWriting_ThrowsOperationCanceled()
    {
        maps.Write("outbound/slow/Products", MapFunctionsStylesheet(SlowSilentMap));
        using var engine = RepositoryMaps.Open(maps.Root);
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(() => engine.Transform("outbound/slow/Products", Elements(20_000), cancellationToken: budget.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(engine.Transform("outbound/slow/Products", Elements(3)).Root!.Value, Is.EqualTo("3"));
    }

    [Test]
    public void Transform_CancelledWhileReadingTheInput_ThrowsOperationCanceled()
    {
        maps.Write("outbound/slow/Inventory", TempMaps.Stylesheet("<out/>"));
        using var engine = RepositoryMaps.Open(maps.Root);
        using var budget = new CancellationTokenSource();
        var text = Encoding.UTF8.GetBytes(Elements(200_000).ToString(SaveOptions.DisableFormatting));
        using var input = new CancellingStream(text, cancelAfterBytes: 64 * 1024, budget);
        using var reader = XsltMapEngine.CreateInputReader(input);

        Assert.That(() => engine.Transform("outbound/slow/Inventory", reader, cancellationToken: budget.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(input.Position, Is.LessThan(text.Length), "the input was not read to its end");
    }

    private static XDocument Elements(int count) =>
        new(new XElement("in", Enumerable.Range(1, count).Select(i => new XElement("e", i))));

    private static string MapFunctionsStylesheet(string body) => $"""
        <?xml version="1.0"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:mf="{MapFunctions.Namespace}" exclude-result-prefixes="mf">
          <xsl:template match="/">{body}</xsl:template>
        </xsl:stylesheet>
        """;

    /// <summary>A memory stream that cancels the source once the reader has taken a given number of bytes.</summary>
    private sealed class CancellingStream(byte[] content, int cancelAfterBytes, CancellationTokenSource source) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= cancelAfterBytes)
            {
                source.Cancel();
            }

            return base.Read(buffer, offset, Math.Min(count, 4096));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= cancelAfterBytes)
            {
                source.Cancel();
            }

            return base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
        }
    }
}
