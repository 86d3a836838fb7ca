using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ErpBridge.Tests.Support;

/// <summary>
/// The sandboxes' executable from the test output, run with dotnet the way README and build.ps1 run it, and the
/// addresses it prints once every sandbox listens ("  Shopify  http://127.0.0.1:40123/  state ...").
/// </summary>
public static partial class SandboxProcess
{
    public static Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ErpBridge.Sandboxes.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the sandboxes");
    }

    /// <summary>The "name address" lines the process prints once everything listens, by name (Shopify, BigCommerce, WooCommerce, Magento, ERP).</summary>
    public static async Task<Dictionary<string, Uri>> ReadServedAsync(Process process, int count)
    {
        var served = new Dictionary<string, Uri>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (served.Count < count)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new AssertionException($"the sandboxes ended before printing {count} addresses: {await process.StandardError.ReadToEndAsync()}");
            if (ServedLine().Match(line) is { Success: true } match)
            {
                served[match.Groups["name"].Value] = new Uri(match.Groups["address"].Value);
            }
        }

        return served;
    }

    [GeneratedRegex(@"^\s+(?<name>\w+)\s+(?<address>http://\S+/)\s+state ")]
    private static partial Regex ServedLine();
}
