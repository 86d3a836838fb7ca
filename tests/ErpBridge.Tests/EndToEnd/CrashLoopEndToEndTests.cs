using System.Diagnostics;
using System.Globalization;
using ErpBridge.Core.Security;
using ErpBridge.Sandboxes.Shopify;
using ErpBridge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// Issue 14, requirement 4: a message whose map kills the process (a recursion that overflows the stack, which .NET
/// cannot catch) is failed after MaxClaimsWithoutOutcome stops instead of crashing every restart; the bridge then
/// stays up and delivers the stock message accepted with it.
/// </summary>
[NonParallelizable]
public sealed class CrashLoopEndToEndTests
{
    private const string Channel = "shop";
    private const string User = "erp";
    private const string Password = "crash-loop-secret";
    private const int MaxClaimsWithoutOutcome = 3;

    // Recurses without end whatever the payload: each level leaves an element behind, so it is no tail call.
    private const string CrashingMap = """
        <?xml version="1.0"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:template match="/"><xsl:call-template name="down"><xsl:with-param name="n" select="1"/></xsl:call-template></xsl:template>
          <xsl:template name="down">
            <xsl:param name="n"/>
            <level><xsl:call-template name="down"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template><xsl:value-of select="$n"/></level>
          </xsl:template>
        </xsl:stylesheet>
        """;

    [Test]
    public async Task AMapThatKillsTheProcess_IsFailedAfterNStops_AndTheBridgeStaysUpAndDelivers()
    {
        await using var shopify = await ShopifySandbox.StartAsync(
            new ShopifySandboxOptions { AccessToken = "shpat_crash", Locations = ["WH01"], Skus = ["MAT-1001"], RateLimitEnabled = false },
            CancellationToken.None);
        using var temp = new TempFolder();
        var maps = temp.File("xslt");
        CopyFolder(RepositoryFolders.Xslt, maps);
        // The door maps a document before the receipt, so the poison is accepted under a map that works and then
        // becomes a document stored before the door mapped documents (no canonical message), which delivery maps itself.
        var poisonMap = Path.Combine(maps, "inbound", "CRASHTEST.xslt");
        File.WriteAllText(poisonMap, TempMaps.Stylesheet(
            """<SubmitProducts xmlns="urn:erpbridge:products:v1"><MessageId>CRASH-1</MessageId><Products><Product><Sku>MAT-3001</Sku></Product></Products></SubmitProducts>"""));
        var database = temp.File("bridge.db");
        var settings = new Dictionary<string, string?>
        {
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={database}",
            ["ErpBridge:Maps:Folder"] = maps,
            [$"ErpBridge:Channels:{Channel}:Platform"] = "shopify",
            [$"ErpBridge:Channels:{Channel}:BaseUrl"] = shopify.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{Channel}:AccessToken"] = "shpat_crash",
            ["ErpBridge:Routes:Inventory:0"] = Channel,
            ["ErpBridge:Routes:Products:0"] = Channel,
            ["ErpBridge:DocumentTypes:CRASHTEST:Produces"] = "Products",
            ["ErpBridge:Security:Clients:0:UserName"] = User,
            ["ErpBridge:Security:Clients:0:PasswordHash"] = SecretHash.Create(Password, 10_000),
            ["ErpBridge:Delivery:PollInterval"] = "00:00:00.200",
            ["ErpBridge:Delivery:LeaseDuration"] = "00:00:05",
            ["ErpBridge:Delivery:MaxClaimsWithoutOutcome"] = MaxClaimsWithoutOutcome.ToString(CultureInfo.InvariantCulture),
            ["ErpBridge:Orders:Enabled"] = "false",
        };

        // 1. Accepted while nothing is delivered: the poison document first, then an ordinary stock message.
        await using (var intake = await BridgeFixture.StartAsync(settings, environment: "Production"))
        {
            using var soap = new SoapClient(intake.ServiceAddress);
            var token = Envelopes.PasswordToken(User, Password);
            var poison = await soap.PostAsync(Envelopes.Wrap(Envelopes.Document("CRASH-1", "CRASHTEST"), token));
            var stock = await soap.PostAsync(Envelopes.Wrap(Envelopes.Inventory("STOCK-1", items: 1, sku: "MAT-100"), token));
            Assert.That(poison.Fault, Is.Null, poison.Body);
            Assert.That(stock.Fault, Is.Null, stock.Body);
        }

        File.WriteAllText(poisonMap, CrashingMap);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE messages SET canonical = NULL WHERE message_id = 'CRASH-1'";
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        // 2. The bridge as its own process, restarted each time the poison kills it, until it stays up.
        var stops = 0;
        Process? running = null;
        try
        {
            for (var start = 0; start < MaxClaimsWithoutOutcome + 3 && running is null; start++)
            {
                var process = StartBridgeProcess(settings, temp.Path);
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await process.WaitForExitAsync(exit.Token);
                    Assert.That(process.ExitCode, Is.Not.Zero, "the bridge ended by itself, not by a crash");
                    stops++;
                    process.Dispose();
                }
                catch (OperationCanceledException)
                {
                    running = process;
                }
            }

            Assert.That(running, Is.Not.Null, $"the bridge kept crashing ({stops} stops)");
            await DeliveryWorld.EventuallyAsync(() => Delivery(database, "STOCK-1").Status == "Delivered", "the stock message delivered");

            Assert.That(stops, Is.EqualTo(MaxClaimsWithoutOutcome), "the poison killed the bridge N times, then was failed");
            Assert.That(Delivery(database, "CRASH-1"), Is.EqualTo(("Failed", (string?)$"the bridge stopped {MaxClaimsWithoutOutcome} times while delivering this message")));
            Assert.That(running.HasExited, Is.False, "the bridge stays up");
            Assert.That(shopify.GraphQLRequests.Count(r => r.Query.Contains("inventorySetQuantities", StringComparison.Ordinal)), Is.EqualTo(1), "the stock level went to the store once");
        }
        finally
        {
            if (running is not null)
            {
                running.Kill(entireProcessTree: true);
                await running.WaitForExitAsync();
                running.Dispose();
            }
        }
    }

    private static Process StartBridgeProcess(Dictionary<string, string?> settings, string folder) =>
        BridgeProcess.Start(
            new Dictionary<string, string?>(settings) { ["environment"] = "Production", ["ErpBridge:Delivery:Enabled"] = "true" },
            folder);

    private static (string Status, string? LastError) Delivery(string database, string messageId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, last_error FROM deliveries WHERE message_id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        using var reader = command.ExecuteReader();
        Assert.That(reader.Read(), Is.True, $"no delivery of {messageId}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
