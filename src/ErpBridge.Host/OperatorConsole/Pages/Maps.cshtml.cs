using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Host.OperatorConsole.Pages;

/// <summary>The XSLT maps the bridge runs, their load errors, and on request the results of their golden cases.</summary>
public sealed class MapsModel(XsltMapEngine engine) : ConsolePage
{
    public string Root => engine.Root;

    public IReadOnlyList<MapStatus> Maps { get; private set; } = [];

    public IReadOnlyList<GoldenCaseResult>? Results { get; private set; }

    public void OnGet() => Maps = engine.LoadAll();

    public void OnGetCases()
    {
        Maps = engine.LoadAll();
        Results = [.. GoldenCases.Discover(engine.Root).Select(c => GoldenCases.Run(engine, c))];
    }
}
