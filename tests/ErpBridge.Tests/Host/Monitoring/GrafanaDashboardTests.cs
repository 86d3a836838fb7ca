using System.Text.Json;
using System.Text.RegularExpressions;
using ErpBridge.Core.Metrics;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Host.Monitoring;

/// <summary>deploy/grafana-dashboard.json: valid JSON whose queries name only series the bridge exports, and every instrument.</summary>
public sealed partial class GrafanaDashboardTests
{
    [Test]
    public void Dashboard_QueriesOnlyExportedSeries_AndEveryInstrument()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "deploy", "grafana-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .Append(dashboard.RootElement.GetProperty("templating").GetProperty("list")[0].GetProperty("definition").GetString()!)
            .ToList();
        var queried = expressions.SelectMany(e => SeriesName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var exported = MetricNames.All.ToDictionary(m => m.Name, Series);

        Assert.That(expressions, Has.Count.GreaterThan(10));
        Assert.That(queried, Is.SubsetOf(exported.Values.SelectMany(s => s)), "every series a panel queries is one the bridge exports");
        Assert.That(exported.Where(e => !e.Value.Any(queried.Contains)).Select(e => e.Key), Is.Empty, "every instrument has a panel");
    }

    /// <summary>The Prometheus series an instrument becomes: dots to underscores, the unit's suffix, _total on counters, the histogram's three.</summary>
    private static string[] Series((string Name, string Kind, string Unit) instrument)
    {
        var name = instrument.Name.Replace('.', '_') + (instrument.Unit == MetricNames.Units.Seconds ? "_seconds" : "");
        return instrument.Kind switch
        {
            "counter" => [name + "_total"],
            "histogram" => [name + "_bucket", name + "_sum", name + "_count"],
            _ => [name],
        };
    }

    [GeneratedRegex("erpbridge_[a-z_]+")]
    private static partial Regex SeriesName();
}
