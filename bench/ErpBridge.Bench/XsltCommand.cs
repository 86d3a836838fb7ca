using System.Diagnostics;
using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// <c>xslt [--folder xslt] [--duration 10] [--items 10] [--growth on|off|only] [--divide 1] [--steps 4] [--cap 60] [--maps TEXT]</c>:
/// stock-map transforms per second, in process: the canonical SubmitInventory message of ITEMS items through each
/// platform's stock map, on one thread and on every core, with the plan parsed as delivery does; then each map's
/// cost at growing input sizes (<see cref="XsltGrowth"/>).
/// </summary>
internal static class XsltCommand
{
    public static Task<int> RunAsync(ArgumentReader reader)
    {
        var folder = Path.GetFullPath(reader.String("folder", "xslt"));
        var duration = TimeSpan.FromSeconds(reader.Int("duration", 10, 1, 120));
        var items = reader.Int("items", 10, 1, 2000);
        var growth = reader.String("growth", "on");
        var divide = reader.Int("divide", 1, 1, 4096);
        var steps = reader.Int("steps", 4, 1, 8);
        var cap = TimeSpan.FromSeconds(reader.Int("cap", 60, 1, 3600));
        var filter = reader.String("maps", "");
        reader.RejectUnknown();
        if (growth is not ("on" or "off" or "only"))
        {
            throw new UsageException($"option --growth must be on, off or only, not '{growth}'");
        }

        if (!Directory.Exists(folder))
        {
            throw new UsageException($"no maps folder '{folder}' (run from the repository root or give --folder)");
        }

        XNamespace inv = XmlNamespaces.Inventory;
        var message = new XDocument(new XElement(inv + "SubmitInventory",
            new XElement(inv + "MessageId", "BENCH-1"),
            new XElement(inv + "SentAt", "2026-11-26T10:00:00Z"),
            new XElement(inv + "SourceSystem", "SAP-ECC"),
            new XElement(inv + "Items", Enumerable.Range(0, items).Select(i => new XElement(inv + "Item",
                new XElement(inv + "Sku", $"MAT-{100000 + i}"),
                new XElement(inv + "Location", $"WH0{1 + (i % 3)}"),
                new XElement(inv + "Quantity", 5 + (i * 37 % 95)))))));
        var parameters = new Dictionary<string, string> { ["message-id"] = "BENCH-1", ["channel"] = "bench", ["idempotency-key"] = "00000000-0000-0000-0000-000000000000" };
        using var engine = new XsltMapEngine(new XsltMapEngineOptions { Root = folder, WatchFiles = false });
        if (growth != "only")
        {
            Throughput(engine, message, parameters, items, duration);
        }

        if (growth != "off")
        {
            XsltGrowth.Run(engine, folder, divide, steps, cap, filter);
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static void Throughput(XsltMapEngine engine, XDocument message, Dictionary<string, string> parameters, int items, TimeSpan duration)
    {
        Console.WriteLine(Invariant($"stock map, {items} items per message, {duration.TotalSeconds:0} s per run"));
        foreach (var platform in new[] { "shopify", "bigcommerce" })
        {
            if (!engine.TryGetOutbound(platform, "Inventory", out var map))
            {
                Console.WriteLine($"{platform}: no stock map");
                continue;
            }

            RequestPlan.Parse(engine.Transform(map, message, parameters));
            foreach (var threads in new[] { 1, Environment.ProcessorCount })
            {
                var count = 0L;
                var clock = Stopwatch.StartNew();
                Parallel.For(0, threads, _ =>
                {
                    var local = 0L;
                    while (clock.Elapsed < duration)
                    {
                        RequestPlan.Parse(engine.Transform(map, message, parameters));
                        local++;
                    }

                    Interlocked.Add(ref count, local);
                });
                Console.WriteLine(Invariant($"{platform,-12} {threads} thread(s): {count / clock.Elapsed.TotalSeconds,10:0} transforms/s"));
            }
        }
    }
}
