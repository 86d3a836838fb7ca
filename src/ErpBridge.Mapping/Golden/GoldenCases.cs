using System.Xml.Linq;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Mapping.Golden;

/// <summary>
/// Finds and runs the golden cases that ship beside every stylesheet (<c>xslt/&lt;dir&gt;/&lt;Name&gt;.cases/&lt;case&gt;/</c>),
/// so that whoever edits a map can prove it still does what it did, and see exactly what changed when it does not.
/// </summary>
public static class GoldenCases
{
    private const string CasesSuffix = ".cases";

    /// <summary>Every case under <paramref name="root"/>, ordered by map and case name.</summary>
    public static IReadOnlyList<GoldenCase> Discover(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var cases = new List<GoldenCase>();
        foreach (var folder in Directory.EnumerateDirectories(root, "*" + CasesSuffix, SearchOption.AllDirectories))
        {
            var stylesheet = folder[..^CasesSuffix.Length] + MapName.Extension;
            var mapName = MapName.FromFilePath(root, stylesheet);
            if (mapName is null)
            {
                continue;
            }

            foreach (var caseFolder in Directory.EnumerateDirectories(folder))
            {
                if (File.Exists(Path.Combine(caseFolder, GoldenCase.InputFile)))
                {
                    cases.Add(new GoldenCase(mapName, Path.GetFileName(caseFolder), caseFolder, ReadParameters(caseFolder)));
                }
            }
        }

        return cases
            .OrderBy(c => c.MapName, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Runs one case; never throws for a map failure (that is a failed case, with the reason).</summary>
    public static GoldenCaseResult Run(XsltMapEngine engine, GoldenCase goldenCase)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(goldenCase);
        XDocument actual;
        try
        {
            using var stream = File.OpenRead(goldenCase.InputPath);
            using var reader = XsltMapEngine.CreateInputReader(stream);
            actual = engine.Transform(goldenCase.MapName, reader, goldenCase.Parameters);
        }
        catch (MapException exception)
        {
            if (goldenCase.ExpectsError)
            {
                var expectedText = File.ReadAllText(goldenCase.ExpectedErrorPath).Trim();
                return exception.Message.Contains(expectedText, StringComparison.Ordinal)
                    ? new GoldenCaseResult(goldenCase, true, null)
                    : new GoldenCaseResult(goldenCase, false, $"The map failed as expected, but its message\n  {exception.Message}\ndoes not contain\n  {expectedText}");
            }

            return new GoldenCaseResult(goldenCase, false, exception.Message);
        }

        if (goldenCase.ExpectsError)
        {
            return new GoldenCaseResult(goldenCase, false, $"Expected the map to fail with '{File.ReadAllText(goldenCase.ExpectedErrorPath).Trim()}', but it produced:\n{CanonicalXml.Render(actual)}");
        }

        if (!File.Exists(goldenCase.ExpectedPath))
        {
            return new GoldenCaseResult(goldenCase, false, $"No {GoldenCase.ExpectedFile} or {GoldenCase.ExpectedErrorFile} in {goldenCase.Directory}. The map produced:\n{CanonicalXml.Render(actual)}");
        }

        var expectedRendering = CanonicalXml.Render(CanonicalXml.Load(goldenCase.ExpectedPath));
        var actualRendering = CanonicalXml.Render(actual);
        return expectedRendering == actualRendering
            ? new GoldenCaseResult(goldenCase, true, null)
            : new GoldenCaseResult(goldenCase, false, LineDiff.Unified(expectedRendering, actualRendering, GoldenCase.ExpectedFile, "map output"));
    }

    /// <summary>
    /// Runs every case whose <c>map: case</c> name contains <paramref name="filter"/> (all when null), writes a
    /// human report (one line per case, the diff or reason under each failure, totals last) and returns the counts.
    /// </summary>
    public static GoldenSummary RunAll(XsltMapEngine engine, TextWriter report, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(report);
        int passed = 0, failed = 0;
        foreach (var goldenCase in Discover(engine.Root))
        {
            if (filter is not null && !goldenCase.ToString().Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var result = Run(engine, goldenCase);
            if (result.Passed)
            {
                passed++;
                report.WriteLine($"PASS  {goldenCase}");
            }
            else
            {
                failed++;
                report.WriteLine($"FAIL  {goldenCase}");
                foreach (var line in (result.Failure ?? "").TrimEnd().Split('\n'))
                {
                    report.WriteLine("      " + line.TrimEnd('\r'));
                }
            }
        }

        report.WriteLine($"{passed} passed, {failed} failed, {passed + failed} golden cases under {engine.Root}.");
        return new GoldenSummary(passed, failed);
    }

    /// <summary>Reads <c>params.txt</c>: <c>name=value</c> per line; blank lines and lines starting with '#' are skipped.</summary>
    public static IReadOnlyDictionary<string, string> ReadParameters(string caseFolder)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(caseFolder, GoldenCase.ParametersFile);
        if (!File.Exists(path))
        {
            return parameters;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{path} line {number}: expected name=value, got '{line}'.");
            }

            parameters[line[..equals].Trim()] = line[(equals + 1)..];
        }

        return parameters;
    }
}
