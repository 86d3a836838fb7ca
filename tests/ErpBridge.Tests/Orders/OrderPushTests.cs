using System.Xml.Linq;
using ErpBridge.Core.Orders;
using ErpBridge.Orders;
using ErpBridge.Sandboxes.Erp;
using ErpBridge.Tests.Connectors.Magento;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Orders;

/// <summary>
/// Store orders → polling → push to an ERP order receiver through the WCF client, against a real Magento sandbox, the
/// SAP-style ERP sandbox and the real host. Runs are made by hand so that retries are observable; one test lets the
/// schedule do it all.
/// </summary>
public sealed class OrderPushTests
{
    private const string Channel = "mage";
    private MagentoTestStore shop = null!;
    private ErpSandbox erp = null!;
    private BridgeFixture bridge = null!;
    private Dictionary<string, string?> settings = [];

    [SetUp]
    public async Task StartAsync()
    {
        shop = await MagentoTestStore.StartAsync();
        shop.Sandbox.Seed(["MAT-1", "MAT-2"]);
        erp = await ErpSandbox.StartAsync(new ErpSandboxOptions { Password = "erp-test-password" }, CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (bridge is not null)
        {
            await bridge.DisposeAsync();
        }

        await erp.DisposeAsync();
        await shop.DisposeAsync();
    }

    private OrderPoller Poller => bridge.App.Services.GetRequiredService<OrderPoller>();

    private OrderPushRunner Pushes => bridge.App.Services.GetRequiredService<OrderPushRunner>();

    private IOrderStore Orders => bridge.App.Services.GetRequiredService<IOrderStore>();

    [Test]
    public async Task NewOrders_ArePushedAsOrders05_AndAcknowledgedWithTheErpDocumentNumber()
    {
        await StartBridgeAsync();
        shop.Sandbox.SeedOrder("100000001", [("MAT-1", 2)]);
        shop.Sandbox.SeedOrder("100000002", [("MAT-2", 1)]);

        await Poller.PollAsync(Channel, CancellationToken.None);
        var pushed = await Pushes.RunAsync(Channel, CancellationToken.None);

        Assert.That(pushed, Is.EqualTo(2));
        var documents = erp.State().Documents;
        Assert.That(documents, Has.Count.EqualTo(2));
        var idoc = XElement.Parse(documents[0].Content);
        Assert.That(idoc.Name.LocalName, Is.EqualTo("ORDERS05"));
        Assert.That(idoc.Descendants("MESTYP").Single().Value, Is.EqualTo("ORDERS"));
        var views = await Orders.ListAsync(Channel, null, 10, CancellationToken.None);
        Assert.That(views.Select(v => v.State), Is.All.EqualTo(OrderState.Acknowledged));
        Assert.That(views.Select(v => v.ErpDocumentNumber), Is.EquivalentTo(documents.Select(d => d.DocumentNumber)));
        Assert.That(await FetchableAsync(), Is.Empty, "pushed orders are not offered to FetchOrders");

        // Issue 17: the pushes and the channel's poll lag in /metrics.
        using var http = bridge.MonitoringClient();
        var scrape = PrometheusText.Parse(await http.GetStringAsync(new Uri("metrics", UriKind.Relative)));
        Assert.That(scrape.Value("erpbridge_erp_pushes_total", ("endpoint", "test-erp"), ("outcome", "Accepted")), Is.EqualTo(2), scrape.Raw);
        Assert.That(scrape.Of("erpbridge_orders_poll_lag_seconds", ("channel", Channel)).Select(s => s.Value).Single(), Is.InRange(0, 60), scrape.Raw);
    }

    [Test]
    public async Task ChangeAndCancellation_AfterTheHandOver_ReachTheErpAsOrdchg()
    {
        await StartBridgeAsync();
        shop.Sandbox.SeedOrder("100000001", [("MAT-1", 2)]);
        await Poller.PollAsync(Channel, CancellationToken.None);
        await Pushes.RunAsync(Channel, CancellationToken.None);

        shop.Sandbox.CancelOrder("100000001");
        await Poller.PollAsync(Channel, CancellationToken.None);
        await Pushes.RunAsync(Channel, CancellationToken.None);

        var document = erp.State().Documents.Single();
        Assert.That(document.ChangeTypes, Is.EqualTo(new[] { "New", "Cancellation" }));
        Assert.That(document.Cancelled, Is.True);
        Assert.That(XElement.Parse(document.Content).Descendants("MESTYP").Single().Value, Is.EqualTo("ORDCHG"));
    }

    [Test]
    public async Task ErpUnavailable_RetriesDurably_WithTheSameMessageId_ThenTakesItOnce()
    {
        await StartBridgeAsync(new() { ["ErpBridge:Orders:PushBackoffBase"] = "00:00:00.200", ["ErpBridge:Orders:PushBackoffMax"] = "00:00:00.400" });
        shop.Sandbox.SeedOrder("100000001", [("MAT-1", 2)]);
        await Poller.PollAsync(Channel, CancellationToken.None);
        erp.FailNext(2, 503);

        await Pushes.RunAsync(Channel, CancellationToken.None);
        var afterFirst = (await Orders.ListAsync(Channel, null, 10, CancellationToken.None)).Single();
        await WaitForAsync(async () =>
        {
            await Pushes.RunAsync(Channel, CancellationToken.None);
            return (await Orders.ListAsync(Channel, null, 10, CancellationToken.None)).Single().State == OrderState.Acknowledged;
        });

        Assert.That(afterFirst.State, Is.EqualTo(OrderState.Pending));
        Assert.That(afterFirst.LastError, Does.Contain("503"));
        Assert.That(erp.State().Documents, Has.Count.EqualTo(1));
        Assert.That(erp.State().Receipts.Select(r => r.MessageId).Distinct().Count(), Is.EqualTo(1), "every retry of a revision is the same hand-over");
    }

    [Test]
    public async Task ErpRefuses_TheOrderFails_TheOperatorSeesItAndResubmits_ThenItIsPushed()
    {
        await StartBridgeAsync();
        shop.Sandbox.SeedOrder("100000001", [("MAT-1", 2)]);
        await Poller.PollAsync(Channel, CancellationToken.None);
        erp.FailNext(1, ErpSandboxFault.Client("MaterialBlocked", "Material MAT-1 is blocked for sales"));

        await Pushes.RunAsync(Channel, CancellationToken.None);
        var failed = (await Orders.ListAsync(Channel, OrderState.Failed, 10, CancellationToken.None)).Single();
        var (listed, listing, _) = await OperatorAsync("orders", "--state", "failed");
        var (badState, _, badStateError) = await OperatorAsync("orders", "--state", "lost");
        var (resubmitted, answer, _) = await OperatorAsync("resubmit-order", "--order", failed.OrderId);
        await Pushes.RunAsync(Channel, CancellationToken.None);

        Assert.That(failed.LastError, Does.Contain("Material MAT-1 is blocked"));
        Assert.That(listed, Is.EqualTo(0));
        Assert.That(listing, Does.Contain(failed.OrderId).And.Contain("Failed").And.Contain("Material MAT-1 is blocked"));
        Assert.That(badState, Is.EqualTo(2));
        Assert.That(badStateError, Does.Contain("Pending, Fetched, Pushing, Acknowledged, Failed"));
        Assert.That(resubmitted, Is.EqualTo(0), answer);
        Assert.That(answer, Does.Contain("Resubmitted 1 order"));
        Assert.That((await Orders.ListAsync(Channel, null, 10, CancellationToken.None)).Single().State, Is.EqualTo(OrderState.Acknowledged));
    }

    [Test]
    public async Task OnSchedule_OrdersReachTheErp_WithoutAnyoneRunningAnything()
    {
        shop.Sandbox.SeedOrder("100000001", [("MAT-1", 2)]);
        await StartBridgeAsync(new() { ["ErpBridge:Orders:Enabled"] = "true", ["ErpBridge:Orders:PushInterval"] = "00:00:00.500" });

        await WaitForAsync(() => Task.FromResult(erp.State().Documents.Count == 1));

        Assert.That(erp.State().Documents.Single().ChangeTypes, Is.EqualTo(new[] { "New" }));
    }

    private async Task StartBridgeAsync(Dictionary<string, string?>? extra = null)
    {
        settings = new Dictionary<string, string?>
        {
            [$"ErpBridge:Channels:{Channel}:Platform"] = "magento",
            [$"ErpBridge:Channels:{Channel}:BaseUrl"] = shop.Sandbox.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{Channel}:ConsumerKey"] = shop.Sandbox.Options.ConsumerKey,
            [$"ErpBridge:Channels:{Channel}:ConsumerSecret"] = shop.Sandbox.Options.ConsumerSecret,
            [$"ErpBridge:Channels:{Channel}:AccessToken"] = shop.Sandbox.Options.IntegrationAccessToken,
            [$"ErpBridge:Channels:{Channel}:AccessTokenSecret"] = shop.Sandbox.Options.IntegrationAccessTokenSecret,
            [$"ErpBridge:Orders:Channels:{Channel}:Handover"] = "Push",
            [$"ErpBridge:Orders:Channels:{Channel}:ErpEndpoint"] = "test-erp",
            ["ErpBridge:ErpEndpoints:test-erp:Url"] = erp.ServiceAddress.ToString(),
            ["ErpBridge:ErpEndpoints:test-erp:UserName"] = erp.Options.UserName,
            ["ErpBridge:ErpEndpoints:test-erp:Password"] = erp.Options.Password,
            ["ErpBridge:ErpEndpoints:test-erp:AllowHttp"] = "true",
            ["ErpBridge:ErpEndpoints:test-erp:Timeout"] = "00:00:05",
            ["ErpBridge:ErpEndpoints:test-erp:Map"] = "erp/ORDERS05",
        };

        // Only this test's channel is polled on schedule: the demo channels point at sandboxes that do not run here.
        foreach (var demo in DemoChannels.Routed)
        {
            settings[$"ErpBridge:Orders:Channels:{demo}:Enabled"] = "false";
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        bridge = await BridgeFixture.StartAsync(settings);
    }

    private async Task<(int Code, string Output, string Error)> OperatorAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var values = new Dictionary<string, string?>(settings)
        {
            ["ErpBridge:Storage:ConnectionString"] = $"Data Source={bridge.DatabasePath}",
            ["ErpBridge:Logging:File"] = "",
            ["ErpBridge:Sandboxes:Enabled"] = "false",
        };
        var code = await ErpBridge.Host.OperatorCommands.RunAsync(args, output, error, config => config.AddInMemoryCollection(values));
        return (code, output.ToString(), error.ToString());
    }

    private async Task<List<string>> FetchableAsync() =>
        (await Orders.FetchAsync(100, Channel, TimeProvider.System.GetUtcNow().AddHours(1), TimeSpan.FromMinutes(1), CancellationToken.None)).Select(o => o.OrderId).ToList();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30);
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                Assert.Fail("timed out waiting for the ERP");
            }

            await Task.Delay(200);
        }
    }
}
