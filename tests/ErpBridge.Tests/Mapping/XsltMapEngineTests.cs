using System.Xml;
using System.Xml.Linq;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Tests.Mapping;

public sealed class XsltMapEngineTests
{
    private static readonly XDocument Input = XDocument.Parse("<in><v>7</v></in>");

    private TempMaps maps = null!;

    [SetUp]
    public void CreateRoot() => maps = new TempMaps();

    [TearDown]
    public void DeleteRoot() => maps.Dispose();

    private XsltMapEngine Engine(TimeSpan? recheck = null, bool watch = false, ILogger<XsltMapEngine>? logger = null) =>
        new(new XsltMapEngineOptions { Root = maps.Root, RecheckInterval = recheck ?? TimeSpan.Zero, WatchFiles = watch }, logger);

    [Test]
    public void Transform_PassesParametersAndReturnsTheOutput()
    {
        maps.Write("outbound/shop/Inventory", TempMaps.Stylesheet("<out v=\"{in/v}\"><xsl:value-of select=\"$p\"/></out>"));
        using var engine = Engine();

        var output = engine.Transform("outbound/shop/Inventory", Input, new Dictionary<string, string> { ["p"] = "given" });
        var withDefault = engine.Transform("outbound/shop/Inventory.xslt", Input);

        Assert.That(output.Root!.ToString(SaveOptions.DisableFormatting), Is.EqualTo("<out v=\"7\">given</out>"));
        Assert.That(withDefault.Root!.Value, Is.EqualTo("default"));
    }

    [Test]
    public void Transform_UnknownMap_ThrowsMapNotFoundNamingTheFile()
    {
        using var engine = Engine();

        var error = Assert.Throws<MapNotFoundException>(() => engine.Transform("inbound/NOPE01", Input));

        Assert.That(error!.MapName, Is.EqualTo("inbound/NOPE01"));
        Assert.That(error.Message, Does.Contain("NOPE01.xslt"));
    }

    [TestCase("../secret")]
    [TestCase("inbound/../../x")]
    [TestCase("/etc/passwd")]
    [TestCase("inbound//x")]
    [TestCase("")]
    public void Transform_NameThatLeavesTheRoot_IsRefused(string name)
    {
        using var engine = Engine();

        Assert.Throws<ArgumentException>(() => engine.Transform(name, Input));
    }

    [Test]
    public void Transform_MalformedStylesheet_ThrowsCompileErrorWithLineAndColumn()
    {
        maps.Write("bad", "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n  <xsl:template match=\"/\">\n    <out>\n  </xsl:template>\n</xsl:stylesheet>\n");
        using var engine = Engine();

        var error = Assert.Throws<MapCompileException>(() => engine.Transform("bad", Input));

        Assert.That(error!.Line, Is.EqualTo(5));
        Assert.That(error.Column, Is.GreaterThan(0));
        Assert.That(error.Message, Does.Contain("line 5"));
    }

    [Test]
    public void Transform_MapThatNeverCompiled_ReportsTheSamePositionEveryTime()
    {
        maps.Write("bad", "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n  <xsl:template match=\"/\">\n    <out>\n  </xsl:template>\n</xsl:stylesheet>\n");
        using var engine = Engine();

        var first = Assert.Throws<MapCompileException>(() => engine.Transform("bad", Input));
        var second = Assert.Throws<MapCompileException>(() => engine.Transform("bad", Input));

        Assert.That((second!.Line, second.Column, second.Reason), Is.EqualTo((first!.Line, first.Column, first.Reason)));
        Assert.That(engine.GetStatus("bad")!.LoadedAt, Is.Null);
    }

    [Test]
    public void Transform_InvalidXPath_ThrowsCompileErrorWithLine()
    {
        maps.Write("bad-xpath", "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n  <xsl:template match=\"/\">\n    <out><xsl:value-of select=\"in/v[\"/></out>\n  </xsl:template>\n</xsl:stylesheet>\n");
        using var engine = Engine();

        var error = Assert.Throws<MapCompileException>(() => engine.Transform("bad-xpath", Input));

        Assert.That(error!.Line, Is.EqualTo(4));
        Assert.That(error.Reason, Does.Contain("in/v["));
    }

    [Test]
    public void Transform_MessageTerminate_ThrowsWithTheMessageAsReason()
    {
        maps.Write("refuse", TempMaps.Stylesheet("<xsl:message terminate=\"yes\">No stock segment in <xsl:value-of select=\"name(*)\"/>.</xsl:message>"));
        using var engine = Engine();

        var error = Assert.Throws<MapTerminatedException>(() => engine.Transform("refuse", Input));

        Assert.That(error!.Reason, Is.EqualTo("No stock segment in in."));
        Assert.That(error.Message, Does.Contain("refuse").And.Contain("No stock segment in in."));
    }

    [Test]
    public void Transform_MessageWithoutTerminate_DoesNotFail()
    {
        maps.Write("chatty", TempMaps.Stylesheet("<xsl:message>note</xsl:message><out/>"));
        var logger = new CapturingLogger<XsltMapEngine>();
        using var engine = Engine(logger: logger);

        var output = engine.Transform("chatty", Input);

        Assert.That(output.Root!.Name.LocalName, Is.EqualTo("out"));
        Assert.That(logger.Entries.Select(e => e.Message), Has.Some.Contains("note"));
    }

    [TestCase("<a/><b/>", TestName = "Transform_TwoRootElements_ThrowsOutputNotWellFormed")]
    [TestCase("loose text", TestName = "Transform_TextAtTheTop_ThrowsOutputNotWellFormed")]
    [TestCase("", TestName = "Transform_NoOutput_ThrowsOutputWithoutRoot")]
    public void Transform_OutputThatIsNotADocument_Throws(string body)
    {
        maps.Write("loose", TempMaps.Stylesheet(body));
        using var engine = Engine();

        var error = Assert.Throws<MapOutputException>(() => engine.Transform("loose", Input));

        Assert.That(error!.MapName, Is.EqualTo("loose"));
        Assert.That(error.Message, Does.Contain("well-formed").Or.Contain("no root element"));
    }

    [Test]
    public void Transform_DocumentFunction_IsRefused()
    {
        var secret = Path.Combine(maps.Root, "secret.xml");
        File.WriteAllText(secret, "<secret>s3cr3t</secret>");
        maps.Write("reader", TempMaps.Stylesheet($"<out><xsl:value-of select=\"document('{new Uri(secret).AbsoluteUri}')\"/></out>"));
        using var engine = Engine();

        var error = Assert.Catch<MapException>(() => engine.Transform("reader", Input));

        Assert.That(error, Is.InstanceOf<MapOutputException>().Or.InstanceOf<MapCompileException>());
        Assert.That(error!.Message, Does.Not.Contain("s3cr3t"));
    }

    [Test]
    public void Transform_ScriptBlock_IsNotRun()
    {
        maps.Write("script", """
            <?xml version="1.0"?>
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:msxsl="urn:schemas-microsoft-com:xslt" xmlns:u="urn:user">
              <msxsl:script language="C#" implements-prefix="u">public string Run() { return System.IO.File.ReadAllText("/etc/hostname"); }</msxsl:script>
              <xsl:template match="/"><out><xsl:value-of select="u:Run()"/></out></xsl:template>
            </xsl:stylesheet>
            """);
        using var engine = Engine();

        var error = Assert.Catch<MapException>(() => engine.Transform("script", Input));

        Assert.That(error!.Message, Does.Contain("scripts was prohibited").Or.Contain("script"));
        Assert.That(error.Message, Does.Not.Contain(File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : "-no-host-"));
    }

    [Test]
    public void Transform_InputWithDtd_IsRefused()
    {
        maps.Write("copy", TempMaps.Stylesheet("<out><xsl:value-of select=\".\"/></out>"));
        using var engine = Engine();
        const string withEntity = "<?xml version=\"1.0\"?><!DOCTYPE in [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><in>&e;</in>";

        using var safe = XsltMapEngine.CreateInputReader(new StringReader(withEntity));
        Assert.Throws<MapOutputException>(() => engine.Transform("copy", safe));

        using var unsafeReader = XmlReader.Create(new StringReader(withEntity), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse });
        Assert.Throws<ArgumentException>(() => engine.Transform("copy", unsafeReader));
    }

    [Test]
    public void Transform_AfterAnEdit_RunsTheNewVersion()
    {
        maps.Write("m", TempMaps.Stylesheet("<v1/>"));
        using var engine = Engine();
        Assert.That(engine.Transform("m", Input).Root!.Name.LocalName, Is.EqualTo("v1"));

        maps.Write("m", TempMaps.Stylesheet("<version-two/>"));

        Assert.That(engine.Transform("m", Input).Root!.Name.LocalName, Is.EqualTo("version-two"));
    }

    [Test]
    public void Transform_WithinTheRecheckInterval_UsesTheCachedVersionUntilTheWatcherSeesTheEdit()
    {
        maps.Write("w", TempMaps.Stylesheet("<v1/>"));
        using var engine = Engine(recheck: TimeSpan.FromHours(1), watch: true);
        Assert.That(engine.Transform("w", Input).Root!.Name.LocalName, Is.EqualTo("v1"));

        maps.Write("w", TempMaps.Stylesheet("<version-two/>"));

        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10);
        string seen;
        do
        {
            seen = engine.Transform("w", Input).Root!.Name.LocalName;
            if (seen == "version-two")
            {
                break;
            }

            Thread.Sleep(50);
        }
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline);

        Assert.That(seen, Is.EqualTo("version-two"), "the file-system watcher should have marked the map for reloading");
    }

    [Test]
    public void Transform_AfterABrokenEdit_KeepsTheLastGoodVersionAndReportsWhy()
    {
        maps.Write("m", TempMaps.Stylesheet("<good/>"));
        var logger = new CapturingLogger<XsltMapEngine>();
        using var engine = Engine(logger: logger);
        engine.Transform("m", Input);
        var loaded = engine.GetStatus("m")!;

        maps.Write("m", TempMaps.Stylesheet("<broken>"));
        var output = engine.Transform("m", Input);
        var status = engine.GetStatus("m")!;

        Assert.That(output.Root!.Name.LocalName, Is.EqualTo("good"));
        Assert.That(status.LastError, Does.Contain("does not compile"));
        Assert.That(status.LoadedAt, Is.EqualTo(loaded.LoadedAt));
        Assert.That(status.IsCurrent, Is.False);
        Assert.That(logger.Entries, Has.Some.Matches<(LogLevel Level, string Message)>(e => e.Level == LogLevel.Warning && e.Message.Contains("last good version", StringComparison.Ordinal)));

        maps.Write("m", TempMaps.Stylesheet("<fixed-again/>"));
        Assert.That(engine.Transform("m", Input).Root!.Name.LocalName, Is.EqualTo("fixed-again"));
        Assert.That(engine.GetStatus("m")!.IsCurrent, Is.True);
    }

    [Test]
    public void Transform_AfterTheFileIsDeleted_KeepsRunningAndSaysSo()
    {
        var path = maps.Write("m", TempMaps.Stylesheet("<good/>"));
        using var engine = Engine();
        engine.Transform("m", Input);

        File.Delete(path);

        Assert.That(engine.Transform("m", Input).Root!.Name.LocalName, Is.EqualTo("good"));
        Assert.That(engine.GetStatus("m")!.LastError, Does.Contain("is gone"));
    }

    [Test]
    public void Transform_BrokenEditSeenTwice_WarnsOnce()
    {
        maps.Write("m", TempMaps.Stylesheet("<good/>"));
        var logger = new CapturingLogger<XsltMapEngine>();
        using var engine = Engine(logger: logger);
        engine.Transform("m", Input);
        maps.Write("m", TempMaps.Stylesheet("<broken>"));

        for (var i = 0; i < 5; i++)
        {
            engine.Transform("m", Input);
        }

        Assert.That(logger.Entries.Count(e => e.Level == LogLevel.Warning), Is.EqualTo(1));
    }

    [Test]
    public void Transform_WhileTheMapIsEditedConcurrently_AlwaysRunsAWholeVersion()
    {
        maps.Write("m", TempMaps.Stylesheet("<a/>"));
        using var engine = Engine();
        engine.Transform("m", Input);
        using var stop = new CancellationTokenSource();
        var editor = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                maps.Write("m", TempMaps.Stylesheet(i % 2 == 0 ? "<b/>" : "<a/>" + new string(' ', i % 7)));
                Thread.Sleep(2);
            }
        });

        var names = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, _ =>
        {
            try
            {
                names.Add(engine.Transform("m", Input).Root!.Name.LocalName);
            }
            catch (MapCompileException)
            {
                // A half-written file must never surface: the last good version runs instead.
                names.Add("compile-error");
            }
        });
        stop.Cancel();
        editor.Wait();

        Assert.That(names.Distinct(), Is.SubsetOf(new[] { "a", "b" }));
    }

    [Test]
    public void TryGetOutboundAndInbound_FindExistingMapsOnly()
    {
        maps.Write("outbound/shopify/Inventory", TempMaps.Stylesheet("<x/>"));
        maps.Write("inbound/MATMAS05", TempMaps.Stylesheet("<x/>"));
        using var engine = Engine();

        Assert.Multiple(() =>
        {
            Assert.That(engine.TryGetOutbound("Shopify", "Inventory", out var outbound), Is.True);
            Assert.That(outbound, Is.EqualTo("outbound/shopify/Inventory"));
            Assert.That(engine.TryGetOutbound("shopify", "Products", out _), Is.False);
            Assert.That(engine.TryGetOutbound("../..", "Inventory", out _), Is.False);
            Assert.That(engine.TryGetInbound("MATMAS05", out var inbound), Is.True);
            Assert.That(inbound, Is.EqualTo("inbound/MATMAS05"));
            Assert.That(engine.TryGetInbound("LOISTD01", out _), Is.False);
        });
    }

    [Test]
    public void LoadAll_ReportsEveryMapWithItsError()
    {
        maps.Write("outbound/a/Inventory", TempMaps.Stylesheet("<x/>"));
        maps.Write("inbound/BROKEN", "<xsl:stylesheet");
        using var engine = Engine();

        var statuses = engine.LoadAll();

        Assert.That(statuses.Select(s => s.Name), Is.EqualTo(new[] { "inbound/BROKEN", "outbound/a/Inventory" }));
        Assert.That(statuses[0].LoadedAt, Is.Null);
        Assert.That(statuses[0].LastError, Does.Contain("does not compile"));
        Assert.That(statuses[1].IsCurrent, Is.True);
        Assert.That(engine.GetStatuses(), Has.Count.EqualTo(2));
    }

    [Test]
    public void AddXsltMaps_RegistersOneSharedEngineWithTheGivenRootAndTheMessageMapsOverIt()
    {
        var services = new ServiceCollection();
        services.AddXsltMaps(o => o.Root = maps.Root);
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<XsltMapEngine>();

        Assert.That(engine.Root, Is.EqualTo(Path.GetFullPath(maps.Root)));
        Assert.That(provider.GetRequiredService<XsltMapEngine>(), Is.SameAs(engine));
        Assert.That(provider.GetRequiredService<IMessageMaps>(), Is.TypeOf<XsltMessageMaps>());
    }

    [Test]
    public void LoadAll_EveryShippedMapCompiles()
    {
        using var engine = RepositoryMaps.Open();

        var statuses = engine.LoadAll();

        Assert.That(statuses.Select(s => s.Name), Is.SupersetOf(new[]
        {
            "inbound/DELVRY07", "inbound/LOISTD01", "inbound/MATMAS05", "inbound/SHOW_SHIPMENT_005",
            "outbound/bigcommerce/Inventory", "outbound/bigcommerce/Products",
            "outbound/shopify/Inventory", "outbound/shopify/Products",
        }));
        Assert.That(statuses.Where(s => !s.IsCurrent).Select(s => $"{s.Name}: {s.LastError}"), Is.Empty);
    }
}
