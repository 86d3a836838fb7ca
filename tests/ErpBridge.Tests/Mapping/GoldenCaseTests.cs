using System.Xml.Linq;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Mapping;

/// <summary>Every golden case shipped beside the maps passes; and the runner reports failures readably.</summary>
public sealed class GoldenCaseTests
{
    private static XsltMapEngine? shared;

    private static XsltMapEngine SharedEngine => shared ??= RepositoryMaps.Open();

    public static IEnumerable<TestCaseData> ShippedCases() =>
        GoldenCases.Discover(RepositoryFolders.Xslt).Select(c => new TestCaseData(c).SetName($"Golden {c.MapName} {c.Name}"));

    [OneTimeTearDown]
    public static void DisposeEngine()
    {
        shared?.Dispose();
        shared = null;
    }

    [TestCaseSource(nameof(ShippedCases))]
    public void ShippedCase_Passes(GoldenCase goldenCase)
    {
        var result = GoldenCases.Run(SharedEngine, goldenCase);

        Assert.That(result.Passed, Is.True, result.Failure);
    }

    [Test]
    public void EveryShippedMap_HasGoldenCases()
    {
        var cases = GoldenCases.Discover(RepositoryFolders.Xslt);
        var maps = Directory.EnumerateFiles(RepositoryFolders.Xslt, "*.xslt", SearchOption.AllDirectories)
            .Select(path => MapName.FromFilePath(RepositoryFolders.Xslt, path)!)
            .ToList();

        Assert.That(maps, Is.Not.Empty);
        foreach (var map in maps)
        {
            Assert.That(cases.Count(c => c.MapName == map), Is.GreaterThanOrEqualTo(3), $"{map} needs golden cases");
            Assert.That(cases.Any(c => c.MapName == map && !c.ExpectsError), Is.True, $"{map} needs a case with expected output");
        }
    }

    [Test]
    public void RunAll_WritesAReportWithADiffAndCounts()
    {
        using var maps = new TempMaps();
        maps.Write("outbound/x/Inventory", TempMaps.Stylesheet("<plan><call id=\"one\"/><call id=\"{$p}\"/></plan>"));
        WriteCase(maps.Root, "outbound/x/Inventory", "passes", "<plan>\n  <call id=\"one\"/>\n  <call id=\"two\"/>\n</plan>", "p=two");
        WriteCase(maps.Root, "outbound/x/Inventory", "fails", "<plan><call id=\"one\"/><call id=\"three\"/></plan>", "p=two");
        using var engine = RepositoryMaps.Open(maps.Root);
        using var report = new StringWriter();

        var summary = GoldenCases.RunAll(engine, report);

        var text = report.ToString();
        Assert.That(summary, Is.EqualTo(new GoldenSummary(1, 1)));
        Assert.That(text, Does.Contain("PASS  outbound/x/Inventory: passes"));
        Assert.That(text, Does.Contain("FAIL  outbound/x/Inventory: fails"));
        Assert.That(text, Does.Contain("-  <call id=\"three\"/>"));
        Assert.That(text, Does.Contain("+  <call id=\"two\"/>"));
        Assert.That(text, Does.Contain("@@ "));
        Assert.That(text, Does.Contain("1 passed, 1 failed"));
    }

    [Test]
    public void RunAll_WithAFilter_RunsOnlyMatchingCases()
    {
        using var maps = new TempMaps();
        maps.Write("inbound/A", TempMaps.Stylesheet("<a/>"));
        maps.Write("inbound/B", TempMaps.Stylesheet("<b/>"));
        WriteCase(maps.Root, "inbound/A", "one", "<a/>", null);
        WriteCase(maps.Root, "inbound/B", "one", "<wrong/>", null);
        using var engine = RepositoryMaps.Open(maps.Root);

        var summary = GoldenCases.RunAll(engine, TextWriter.Null, filter: "inbound/a");

        Assert.That(summary, Is.EqualTo(new GoldenSummary(1, 0)));
    }

    [Test]
    public void Run_ExpectedErrorCase_PassesOnlyWhenTheMapRejectsWithThatText()
    {
        using var maps = new TempMaps();
        maps.Write("inbound/R", TempMaps.Stylesheet("<xsl:message terminate=\"yes\">no items</xsl:message>"));
        maps.Write("inbound/S", TempMaps.Stylesheet("<fine/>"));
        var rejects = WriteErrorCase(maps.Root, "inbound/R", "rejects", "no items");
        var wrongText = WriteErrorCase(maps.Root, "inbound/R", "other-text", "no price");
        var noError = WriteErrorCase(maps.Root, "inbound/S", "should-reject", "anything");
        using var engine = RepositoryMaps.Open(maps.Root);
        var cases = GoldenCases.Discover(maps.Root).ToDictionary(c => c.Directory);

        Assert.That(GoldenCases.Run(engine, cases[rejects]).Passed, Is.True);
        Assert.That(GoldenCases.Run(engine, cases[wrongText]).Failure, Does.Contain("does not contain"));
        Assert.That(GoldenCases.Run(engine, cases[noError]).Failure, Does.Contain("Expected the map to fail"));
    }

    [Test]
    public void ReadParameters_SkipsCommentsAndKeepsValuesAsWritten()
    {
        using var maps = new TempMaps();
        File.WriteAllText(Path.Combine(maps.Root, "params.txt"), "# comment\n\nmessage-id=M-1\nreason= a=b \n");

        var parameters = GoldenCases.ReadParameters(maps.Root);

        Assert.That(parameters, Is.EquivalentTo(new Dictionary<string, string> { ["message-id"] = "M-1", ["reason"] = " a=b " }));
    }

    [Test]
    public void ReadParameters_LineWithoutEquals_NamesTheLine()
    {
        using var maps = new TempMaps();
        File.WriteAllText(Path.Combine(maps.Root, "params.txt"), "a=1\nbroken\n");

        var error = Assert.Throws<FormatException>(() => GoldenCases.ReadParameters(maps.Root));

        Assert.That(error!.Message, Does.Contain("line 2"));
    }

    [Test]
    public void CanonicalXml_IgnoresPrefixesAttributeOrderAndIndentation()
    {
        var a = XDocument.Parse("<p:plan xmlns:p=\"urn:x\" xmlns:f=\"urn:f\"><p:call b=\"2\" a=\"1\"><f:string key=\"k\"> spaced </f:string></p:call></p:plan>");
        var b = XDocument.Parse("<plan xmlns=\"urn:x\">\n  <call a=\"1\" b=\"2\">\n    <string xmlns=\"urn:f\" key=\"k\"> spaced </string>\n  </call>\n</plan>", LoadOptions.PreserveWhitespace);

        Assert.That(CanonicalXml.Render(a), Is.EqualTo(CanonicalXml.Render(b)));
    }

    [TestCase("<a><s> x</s></a>", "<a><s>x</s></a>", TestName = "CanonicalXml_LeadingSpaceInData_Counts")]
    [TestCase("<a><s>x</s></a>", "<a xmlns=\"urn:other\"><s>x</s></a>", TestName = "CanonicalXml_Namespace_Counts")]
    [TestCase("<a><s/></a>", "<a><s k=\"\"/></a>", TestName = "CanonicalXml_EmptyAttribute_Counts")]
    [TestCase("<a><s>line&#10;two</s></a>", "<a><s>line two</s></a>", TestName = "CanonicalXml_LineBreakInData_Counts")]
    public void CanonicalXml_DifferentMeaning_RendersDifferently(string left, string right)
    {
        Assert.That(
            CanonicalXml.Render(XDocument.Parse(left, LoadOptions.PreserveWhitespace)),
            Is.Not.EqualTo(CanonicalXml.Render(XDocument.Parse(right, LoadOptions.PreserveWhitespace))));
    }

    [Test]
    public void LineDiff_ShowsChangedLinesWithContextInHunks()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var actual = expected.Replace("line 5", "line five", StringComparison.Ordinal).Replace("line 18\n", "", StringComparison.Ordinal);

        var diff = LineDiff.Unified(expected, actual);

        Assert.That(diff, Does.StartWith("--- expected\n+++ actual\n"));
        Assert.That(diff, Does.Contain("@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n"));
        Assert.That(diff, Does.Contain("-line 18\n"));
        Assert.That(diff, Does.Not.Contain("line 11\n"));
    }

    [Test]
    public void LineDiff_EqualTexts_GiveNoDiff() =>
        Assert.That(LineDiff.Unified("a\nb\n", "a\nb"), Is.Empty);

    [Test]
    public void LineDiff_HugeDifferingMiddle_StillAnswersQuickly()
    {
        var expected = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"e{i}"));
        var actual = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"a{i}"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var diff = LineDiff.Unified(expected, actual);

        Assert.That(diff, Does.Contain("-e4999").And.Contain("+a4999"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static string WriteCase(string root, string map, string name, string expected, string? parameters)
    {
        var folder = Path.Combine(root, map + ".cases", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "input.xml"), "<in/>");
        File.WriteAllText(Path.Combine(folder, "expected.xml"), expected);
        if (parameters is not null)
        {
            File.WriteAllText(Path.Combine(folder, "params.txt"), parameters);
        }

        return folder;
    }

    private static string WriteErrorCase(string root, string map, string name, string expectedError)
    {
        var folder = Path.Combine(root, map + ".cases", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "input.xml"), "<in/>");
        File.WriteAllText(Path.Combine(folder, "expected-error.txt"), expectedError);
        return folder;
    }
}
