namespace ErpBridge.Bench;

/// <summary>What one load run does: target, concurrency, timing and credentials.</summary>
internal sealed record LoadSettings(
    Uri Url,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    string User,
    string Password,
    string Label,
    BenchOperation Operation = BenchOperation.Inventory)
{
    /// <summary>
    /// Further nodes of the same bridge (same database), loaded beside <see cref="Url"/>: worker i sends to node
    /// i modulo the number of nodes, so that each node takes an equal share of the workers.
    /// </summary>
    public IReadOnlyList<Uri> OtherNodes { get; init; } = [];

    /// <summary>Every node loaded: <see cref="Url"/> first.</summary>
    public IReadOnlyList<Uri> Nodes => [Url, .. OtherNodes];

    /// <summary>Shipments only: the fetched orders the shipments name, one per request in turn.</summary>
    public IReadOnlyList<BenchOrder> Orders { get; init; } = [];

    /// <summary>No command runs longer than this, whatever its options say.</summary>
    public static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(10);

    public TimeSpan PlannedTime => Warmup + Duration;

    /// <summary>Reads the shared load options; <paramref name="runs"/> loads must fit into <see cref="MaxRunTime"/>.</summary>
    public static LoadSettings Read(ArgumentReader reader, string label, int runs)
    {
        var settings = new LoadSettings(
            LoopbackUrl.Parse(reader.Required("url")),
            reader.Int("concurrency", 16, 1, 1024),
            TimeSpan.FromSeconds(reader.Int("duration", 30, 1, 600)),
            TimeSpan.FromSeconds(reader.Int("warmup", 5, 0, 600)),
            reader.String("user", "demo-erp"),
            reader.String("password", "demo-erp-password"),
            label,
            Enum.TryParse<BenchOperation>(reader.String("operation", nameof(BenchOperation.Inventory)), ignoreCase: true, out var operation) && Enum.IsDefined(operation)
                ? operation
                : throw new UsageException($"--operation must be one of {string.Join(", ", Enum.GetNames<BenchOperation>())}"));
        settings = settings with
        {
            OtherNodes = [.. (reader.Optional("also-url") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LoopbackUrl.Parse)],
        };
        if (settings.PlannedTime * runs > MaxRunTime)
        {
            throw new UsageException($"{runs} run(s) of warm-up + duration ({settings.PlannedTime.TotalSeconds:0} s each) exceed the {MaxRunTime.TotalSeconds:0} s limit");
        }

        return settings;
    }
}
