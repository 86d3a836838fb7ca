using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Maps;
using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// Each map's cost at growing input sizes, for the large inputs of issue 14: a 1 MB product description (55,000 short
/// lines with markup characters), a 50,000-character customer note, a 50,000-digit material number (all zeros but
/// the last five) and a MATMAS05 long text of 10,000 lines. Each input is a golden case's input with that one field
/// made large, at 1x, 2x, 4x, 8x (... steps) of the issue's size divided by <c>divide</c>; wall and processor time per run
/// (median) and processor time per KB of input. A map whose cost grows linearly shows a flat time per KB. Runs on a thread with a large stack,
/// so that maps which recurse once per character can be measured instead of overflowing.
/// </summary>
internal static class XsltGrowth
{
    private static readonly XNamespace Fn = JsonXml.Namespace;
    private static readonly XNamespace Prd = XmlNamespaces.Products;
    private static readonly XNamespace Ord = XmlNamespaces.Orders;

    private static readonly GrowthInput[] Inputs =
    [
        .. new[] { "bigcommerce", "magento", "shopify", "woocommerce" }.Select(p =>
            new GrowthInput($"outbound/{p}/Products", "single-product", "description lines", 55_000, Description)),
        new GrowthInput("erp/ORDERS05", "new-order", "note characters", 50_000, (input, n) => input.Root!.Element(Ord + "Note")!.Value = Note(n)),
        .. new[] { ("bigcommerce", "cancelled", "customer_message"), ("magento", "paid-with-tax-discount-and-configurable-line", "customer_note"), ("shopify", "guest-pending-payment", "note"), ("woocommerce", "cancelled-unpaid", "customer_note") }
            .Select(o => new GrowthInput($"orders/{o.Item1}", o.Item2, "note characters", 50_000, (input, n) =>
                input.Descendants().First(e => (string?)e.Attribute("key") == o.Item3).ReplaceWith(new XElement(Fn + "string", new XAttribute("key", o.Item3), Note(n))))),
        .. new[] { "MATMAS05", "LOISTD01", "DELVRY07" }.Select(d =>
            new GrowthInput($"inbound/{d}", "sample", "material number digits", 50_000, (input, n) => input.Descendants("MATNR").First().Value = new string('0', n - 5) + "47110")),
        new GrowthInput("inbound/MATMAS05", "sample", "long-text lines", 10_000, LongText),
    ];

    public static void Run(XsltMapEngine engine, string folder, int divide, int steps, TimeSpan cap, string filter)
    {
        var cases = GoldenCases.Discover(folder);
        Console.WriteLine(Invariant($"growth: 1x = the issue's size / {divide}, {steps} sizes doubling; a size is skipped once a run took over {cap.TotalSeconds:0} s of processor time"));
        Console.WriteLine(Invariant($"{"map",-30} {"input",-24} {"size",10} {"KB",8} {"ms/run",10} {"cpu ms/run",10} {"cpu ms/KB",8} {"runs",5}"));
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    foreach (var input in Inputs.Where(i => i.Map.Contains(filter, StringComparison.OrdinalIgnoreCase)))
                    {
                        Measure(engine, cases, input, divide, steps, cap);
                    }
                }
                catch (Exception exception) when (exception is MapException or IOException or InvalidOperationException)
                {
                    failure = exception;
                }
            },
            maxStackSize: 1024 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new IOException($"growth run failed: {failure.Message}", failure);
        }
    }

    private static void Measure(XsltMapEngine engine, IReadOnlyList<GoldenCase> cases, GrowthInput input, int divide, int steps, TimeSpan cap)
    {
        var goldenCase = cases.SingleOrDefault(c => c.MapName == input.Map && c.Name == input.GoldenCase)
            ?? throw new InvalidOperationException($"no golden case {input.Map}: {input.GoldenCase} to build the input from");
        var template = XDocument.Load(goldenCase.InputPath);
        engine.Transform(input.Map, template, goldenCase.Parameters);
        for (var step = 0; step < steps; step++)
        {
            var size = Math.Max(10, input.IssueSize / divide) << step;
            var document = new XDocument(template);
            input.Grow(document, size);
            var kilobytes = Encoding.UTF8.GetByteCount(document.ToString(SaveOptions.DisableFormatting)) / 1024.0;
            var wall = new List<double>();
            var cpu = new List<double>();
            var total = Stopwatch.StartNew();
            do
            {
                // Processor time as well as wall time: on a shared machine the wall time says more about the neighbours.
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var run = Stopwatch.StartNew();
                engine.Transform(input.Map, document, goldenCase.Parameters);
                wall.Add(run.Elapsed.TotalMilliseconds);
                cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
            }
            while (wall.Count < 5 && total.Elapsed < TimeSpan.FromSeconds(2));

            var wallMedian = Median(wall);
            var cpuMedian = Median(cpu);
            Console.WriteLine(Invariant($"{input.Map,-30} {input.Name,-24} {size,10:N0} {kilobytes,8:0} {wallMedian,10:0.0} {cpuMedian,10:0.0} {cpuMedian / kilobytes,8:0.000} {wall.Count,5}"));
            if (cpu.Min() > cap.TotalMilliseconds)
            {
                Console.WriteLine(Invariant($"{input.Map,-30} {input.Name,-24} larger sizes skipped: a run took {cpu.Min() / 1000:0} s of processor time"));
                break;
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Description(XDocument input, int lines) =>
        input.Descendants(Prd + "Description").First().Value = string.Join("\r\n", Enumerable.Range(0, lines).Select(i => $"L{i:D5} a<b & \"c\""));

    private static string Note(int characters)
    {
        var words = new StringBuilder(characters + 8);
        for (var i = 0; words.Length < characters; i++)
        {
            words.Append(Invariant($"w{i % 100_000:D5} "));
        }

        return words.ToString(0, characters);
    }

    private static void LongText(XDocument input, int lines)
    {
        foreach (var header in input.Descendants("E1MARAM").First().Elements("E1MTXHM"))
        {
            header.Elements("E1MTXLM").Remove();
            header.Add(Enumerable.Range(0, lines).Select(i => new XElement("E1MTXLM",
                new XElement("MSGFN", "005"),
                new XElement("TDFORMAT", "*"),
                new XElement("TDLINE", Invariant($"Long text line {i:D5} of the basic data text, as SAP keeps it <72>")))));
        }
    }

    private sealed record GrowthInput(string Map, string GoldenCase, string Name, int IssueSize, Action<XDocument, int> Grow);
}
