using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using ErpBridge.Tests.Support;

// Not ErpBridge.Tests.Sandboxes: that namespace would hide ErpBridge.Sandboxes from tests that write Sandboxes.Magento.
namespace ErpBridge.Tests.Sandboxes;

/// <summary>
/// The sandboxes as a process of their own, as a demo, a benchmark or a test whose stores must outlive a bridge process
/// starts them: all five answer their /_sandbox/state on the addresses the process prints, and SIGTERM ends it cleanly.
/// </summary>
[NonParallelizable]
public sealed class SandboxProcessTests
{
    private static readonly string[] Platforms = ["Shopify", "BigCommerce", "WooCommerce", "Magento", "Api2Cart", "ZohoInventory", "ShipStation", "Erp"];

    [Test]
    public async Task Run_FreePorts_PrintsEveryAddressAndEachAnswersItsState()
    {
        using var process = SandboxProcess.Start(Platforms.Select(p => $"--ErpBridge:Sandboxes:{p}:Url=http://127.0.0.1:0").Append("--ErpBridge:Sandboxes:SkuCount=10"));
        try
        {
            var served = await SandboxProcess.ReadServedAsync(process, Platforms.Length);

            Assert.That(served.Keys, Is.EquivalentTo(new[] { "Shopify", "BigCommerce", "WooCommerce", "Magento", "API2Cart", "ZohoInventory", "ShipStation", "ERP" }));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var (name, address) in served)
            {
                Assert.That(address.IsLoopback && address.Port is not (0 or 5091 or 5092 or 5093 or 5094 or 5095 or 5096 or 5097 or 5099), Is.True, $"{name}: {address}");
                using var state = await http.GetAsync(new Uri(address, "_sandbox/state"));
                Assert.That(state.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
                Assert.That(() => JsonDocument.Parse(state.Content.ReadAsStream()), Throws.Nothing, $"{name} answers its state as JSON");
            }

            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // What a service manager or Ctrl+C sends: the sandboxes stop and the process ends on its own, with 0.
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(timeout.Token);
                Assert.That(process.ExitCode, Is.Zero);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Test]
    public async Task Run_SandboxOnAReachableAddress_RefusedWithTheKey()
    {
        using var process = SandboxProcess.Start(["--ErpBridge:Sandboxes:Shopify:Url=http://0.0.0.0:0"]);
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("ErpBridge:Sandboxes:Shopify:Url").And.Contain("loopback"));
    }
}
