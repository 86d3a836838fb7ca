using System.Diagnostics;
using System.Xml.Linq;
using ErpBridge.Orders;
using ErpBridge.Tests.Connectors.Magento;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Orders;

/// <summary>
/// The bridge process is killed in the middle of a poll, after some pages of orders were stored and before the cursor
/// was saved; the restarted bridge stores the rest, and the ERP gets every order exactly once.
/// </summary>
[NonParallelizable]
public sealed class PollCrashTests
{
    private const string Channel = "mage";
    private const int OrderCount = 30;

    [Test]
    public async Task KilledMidPoll_RestartedBridge_NeitherLosesNorDuplicatesOrders()
    {
        await using var shop = await MagentoTestStore.StartAsync();
        shop.Sandbox.Seed(["MAT-1"]);
        var numbers = Enumerable.Range(1, OrderCount).Select(i => $"2000{i:000}").ToList();
        foreach (var number in numbers)
        {
            shop.Sandbox.SeedOrder(number, [("MAT-1", 1)]);
        }

        using var temp = new TempFolder();
        var folder = temp.Path;
        var database = temp.File("bridge.db");
        var settings = ChannelSettings(shop, database);

        // 1. A bridge process polls on start, 5 orders a page, each page slow: kill it once the third page is asked for.
        shop.Sandbox.Delay(TimeSpan.FromMilliseconds(400));
        using (var process = StartBridgeProcess(settings, folder))
        {
            try
            {
                var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(60);
                while (OrderListRequests(shop) < 3)
                {
                    Assert.That(process.HasExited, Is.False, "the bridge process ended on its own");
                    Assert.That(TimeProvider.System.GetUtcNow().UtcDateTime, Is.LessThan(deadline), "the bridge process did not poll");
                    await Task.Delay(20);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var (storedBeforeKill, cursorRows) = ReadDatabase(database);
        Assert.That(storedBeforeKill, Is.InRange(5, OrderCount - 1), "the kill came after some pages were stored and before the last");
        Assert.That(cursorRows, Is.Zero, "the cursor is saved only after the last page");

        // 2. Restarted: the next poll reads everything again; what was stored is recognised, the rest is stored.
        shop.Sandbox.Delay(TimeSpan.Zero);
        await using var bridge = await BridgeFixture.StartAsync(settings);
        var poll = await bridge.App.Services.GetRequiredService<OrderPoller>().PollAsync(Channel, CancellationToken.None);
        using var client = new SoapClient(bridge.ServiceAddress);
        var response = await client.PostAsync(Envelopes.Wrap($"""<ord:FetchOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:MaxOrders>100</ord:MaxOrders><ord:Channel>{Channel}</ord:Channel></ord:FetchOrders>"""));

        Assert.That(poll.Error, Is.Null);
        Assert.That(poll.Stored.Unchanged, Is.EqualTo(storedBeforeKill));
        Assert.That(poll.Stored.Created, Is.EqualTo(OrderCount - storedBeforeKill));
        XNamespace ord = "urn:erpbridge:orders:v1";
        var fetched = response.Xml.Descendants(ord + "OrderNumber").Select(e => e.Value).ToList();
        Assert.That(fetched, Is.EquivalentTo(numbers), "every order once");
    }

    private static Dictionary<string, string?> ChannelSettings(MagentoTestStore shop, string database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={database}",
            [$"ErpBridge:Channels:{Channel}:Platform"] = "magento",
            [$"ErpBridge:Channels:{Channel}:BaseUrl"] = shop.Sandbox.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{Channel}:ConsumerKey"] = shop.Sandbox.Options.ConsumerKey,
            [$"ErpBridge:Channels:{Channel}:ConsumerSecret"] = shop.Sandbox.Options.ConsumerSecret,
            [$"ErpBridge:Channels:{Channel}:AccessToken"] = shop.Sandbox.Options.IntegrationAccessToken,
            [$"ErpBridge:Channels:{Channel}:AccessTokenSecret"] = shop.Sandbox.Options.IntegrationAccessTokenSecret,
            ["ErpBridge:Orders:PageSize"] = "5",
        };
        foreach (var demo in DemoChannels.Routed)
        {
            settings[$"ErpBridge:Orders:Channels:{demo}:Enabled"] = "false";
        }

        return settings;
    }

    private static Process StartBridgeProcess(Dictionary<string, string?> settings, string folder) =>
        BridgeProcess.Start(
            new Dictionary<string, string?>(settings) { ["ErpBridge:Delivery:Enabled"] = "false", ["ErpBridge:Orders:Enabled"] = "true" },
            folder);

    private static int OrderListRequests(MagentoTestStore shop) =>
        shop.Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("V1/orders", StringComparison.Ordinal));

    private static (int Orders, int Cursors) ReadDatabase(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var orders = connection.CreateCommand();
        orders.CommandText = "SELECT COUNT(*) FROM orders";
        using var cursors = connection.CreateCommand();
        cursors.CommandText = "SELECT COUNT(*) FROM order_cursors";
        return (Convert.ToInt32(orders.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(cursors.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
