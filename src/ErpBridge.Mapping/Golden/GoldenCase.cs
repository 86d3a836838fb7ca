namespace ErpBridge.Mapping.Golden;

/// <summary>
/// One golden case of a map: <c>{Map}.cases/{Name}/input.xml</c> beside the stylesheet, with either
/// <c>expected.xml</c> (the output, compared canonically) or <c>expected-error.txt</c> (text the map's rejection
/// must contain), and optional <c>params.txt</c> (<c>name=value</c> lines).
/// </summary>
public sealed record GoldenCase(string MapName, string Name, string Directory, IReadOnlyDictionary<string, string> Parameters)
{
    public const string InputFile = "input.xml";
    public const string ExpectedFile = "expected.xml";
    public const string ExpectedErrorFile = "expected-error.txt";
    public const string ParametersFile = "params.txt";

    public string InputPath => Path.Combine(Directory, InputFile);

    public string ExpectedPath => Path.Combine(Directory, ExpectedFile);

    public string ExpectedErrorPath => Path.Combine(Directory, ExpectedErrorFile);

    /// <summary>True when the case expects the map to reject its input.</summary>
    public bool ExpectsError => File.Exists(ExpectedErrorPath) && !File.Exists(ExpectedPath);

    /// <summary><c>outbound/shopify/Inventory: many-items</c>, as reports and test names show it.</summary>
    public override string ToString() => $"{MapName}: {Name}";
}
