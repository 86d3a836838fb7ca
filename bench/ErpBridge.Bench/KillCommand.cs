namespace ErpBridge.Bench;

/// <summary>
/// <c>kill --host ErpBridge.Host.dll --cycles 100</c>: starts the bridge with <c>dotnet HOST</c> (its settings from this
/// process's environment, as build.ps1 sets them), kills it with SIGKILL at random moments while stock, products and
/// shipments are sent and delivered, then lets one run undisturbed and checks the sandboxes (<see cref="KillRun"/>).
/// </summary>
internal static class KillCommand
{
    public static async Task<int> RunAsync(ArgumentReader reader)
    {
        var host = Path.GetFullPath(reader.Required("host"));
        if (!File.Exists(host))
        {
            throw new UsageException($"--host '{host}' does not exist; build the host first");
        }

        var folder = Path.GetFullPath(reader.String("folder", Path.Combine(Path.GetTempPath(), "erpbridge-kill-" + Guid.NewGuid().ToString("N"))));
        Directory.CreateDirectory(folder);
        var defaults = KillStores.Default;
        var settings = new KillSettings
        {
            Bridge = new BridgeStart("dotnet", [host], new Dictionary<string, string>(), folder, Path.Combine(folder, "bridge-output.log")),
            Stores = new KillStores(
                LoopbackUrl.Parse(reader.String("shopify", defaults.Shopify.ToString())),
                LoopbackUrl.Parse(reader.String("bigcommerce", defaults.BigCommerce.ToString())),
                LoopbackUrl.Parse(reader.String("woocommerce", defaults.WooCommerce.ToString())),
                LoopbackUrl.Parse(reader.String("magento", defaults.Magento.ToString()))),
            Database = reader.Optional("database") is { } database ? Path.GetFullPath(database) : null,
            Cycles = reader.Int("cycles", 100, 1, 10_000),
            Senders = reader.Int("senders", 4, 1, 64),
            SendPause = TimeSpan.FromMilliseconds(reader.Int("pause-ms", 25, 0, 10_000)),
            StockSkus = reader.Int("stock-skus", 100, 1, 1000),
            Products = reader.Int("products", 20, 1, 1000),
            Shipments = reader.Int("shipments", 300, 0, 100_000),
            MinUp = TimeSpan.FromMilliseconds(reader.Int("min-up-ms", 100, 0, 600_000)),
            MaxUp = TimeSpan.FromMilliseconds(reader.Int("max-up-ms", 3000, 0, 600_000)),
            StartupKillShare = reader.Int("startup-kill-percent", 20, 0, 100) / 100.0,
            DrainTimeout = TimeSpan.FromSeconds(reader.Int("drain", 600, 1, 7200)),
            RandomSeed = reader.Int("seed", 14, 0, int.MaxValue),
            User = reader.String("user", "demo-erp"),
            Password = reader.String("password", "demo-erp-password"),
            Log = Console.Out,
        };
        reader.RejectUnknown();
        if (settings.MaxUp < settings.MinUp)
        {
            throw new UsageException("--max-up-ms must be at least --min-up-ms");
        }

        var report = await KillRun.RunAsync(settings, CancellationToken.None);
        Console.WriteLine();
        report.Print(Console.Out);
        Console.WriteLine($"bridge output: {settings.Bridge.OutputFile}");
        return report.Findings.Count == 0 && report.Drained ? ExitCodes.Success : ExitCodes.Failed;
    }
}
