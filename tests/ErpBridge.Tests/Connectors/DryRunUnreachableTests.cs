using ErpBridge.Host;
using ErpBridge.Storage;
using ErpBridge.Tests.EndToEnd;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpBridge.Tests.Connectors;

/// <summary>
/// The operator's dry run against a store that cannot be reached says so the same way on every platform: one clear
/// error naming the channel, its base URL and why, and a non-zero exit code (issue 13: it used to be three ways).
/// </summary>
[NonParallelizable]
public sealed class DryRunUnreachableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [TestCase("shopify")]
    [TestCase("bigcommerce")]
    [TestCase("woocommerce")]
    [TestCase("magento")]
    public async Task DryRun_StoreUnreachable_SaysSoWithChannelAndBaseUrl_AndFails(string platform)
    {
        using var folder = new TempFolder();
        var database = $"Data Source={folder.File("bridge.db")}";
        await new MigrationRunner(new SqliteDialect(), database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var file = folder.File("stock.xml");
        await File.WriteAllTextAsync(file, DeliveryWorld.Stock("DRY-UNREACHABLE", T0, ("E2E-001", 5)));
        var baseUrl = ClosedPort.BaseUrl();
        var channel = $"dry-{platform}";
        var settings = new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:ConnectionString"] = database,
            ["ErpBridge:Logging:File"] = "",
            [$"ErpBridge:Channels:{channel}:Platform"] = platform,
            [$"ErpBridge:Channels:{channel}:BaseUrl"] = baseUrl,
            [$"ErpBridge:Channels:{channel}:AccessToken"] = "token",
            [$"ErpBridge:Channels:{channel}:StoreHash"] = "store",
            [$"ErpBridge:Channels:{channel}:ConsumerKey"] = "ck_key",
            [$"ErpBridge:Channels:{channel}:ConsumerSecret"] = "cs_secret",
        };
        if (platform == "magento")
        {
            settings[$"ErpBridge:Channels:{channel}:AccessTokenSecret"] = "token_secret";
        }

        if (platform == "woocommerce")
        {
            // WooCommerce keeps one stock level per product: the channel names the one ERP location it shows.
            settings[$"ErpBridge:Channels:{channel}:Locations:{DeliveryWorld.Location}"] = "shop";
        }

        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await OperatorCommands.RunAsync(["dry-run", "--channel", channel, "--file", file], output, error, config => config.AddInMemoryCollection(settings));

        Assert.That(code, Is.Not.Zero, output.ToString());
        Assert.That(error.ToString().Trim(), Does.StartWith($"dry-run: channel '{channel}' cannot reach its store at {baseUrl}: "));
        Assert.That(error.ToString(), Does.Contain("could not connect"));
        Assert.That(output.ToString(), Does.Not.Contain("call(s), nothing sent"));
    }
}
