using System.Xml.Linq;
using ErpBridge.Core.Orders;
using ErpBridge.Orders;
using ErpBridge.Tests.Connectors.Magento;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Orders;

/// <summary>
/// Store orders → polling → FetchOrders → AcknowledgeOrders, through the real host, a real Magento sandbox and the
/// real SQLite store. Polls are run by hand (the schedule is off) so that each step is observable.
/// </summary>
public sealed class OrderPollingTests
{
    private const string Channel = "mage";
    private static readonly XNamespace Ord = "urn:erpbridge:orders:v1";
    private MagentoTestStore store = null!;
    private BridgeFixture bridge = null!;
    private SoapClient client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        store = await MagentoTestStore.StartAsync();
        store.Sandbox.Seed(["MAT-1", "MAT-2", "MAT-3"]);
        bridge = await BridgeFixture.StartAsync(new Dictionary<string, string?>
        {
            [$"ErpBridge:Channels:{Channel}:Platform"] = "magento",
            [$"ErpBridge:Channels:{Channel}:BaseUrl"] = store.Sandbox.BaseAddress.ToString(),
            [$"ErpBridge:Channels:{Channel}:ConsumerKey"] = store.Sandbox.Options.ConsumerKey,
            [$"ErpBridge:Channels:{Channel}:ConsumerSecret"] = store.Sandbox.Options.ConsumerSecret,
            [$"ErpBridge:Channels:{Channel}:AccessToken"] = store.Sandbox.Options.IntegrationAccessToken,
            [$"ErpBridge:Channels:{Channel}:AccessTokenSecret"] = store.Sandbox.Options.IntegrationAccessTokenSecret,
            ["ErpBridge:Orders:PageSize"] = "5",
        });
        client = new SoapClient(bridge.ServiceAddress);
    }

    [TearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await bridge.DisposeAsync();
        await store.DisposeAsync();
    }

    private OrderPoller Poller => bridge.App.Services.GetRequiredService<OrderPoller>();

    private IOrderStore Orders => bridge.App.Services.GetRequiredService<IOrderStore>();

    [Test]
    public async Task Poll_MoreThanOnePage_StoresEveryOrderOnce_FetchAndAcknowledgeTakeThem()
    {
        var numbers = SeedOrders(12);

        var poll = await Poller.PollAsync(Channel, CancellationToken.None);
        var fetched = await FetchAsync(100);
        var ack = await AcknowledgeAsync(fetched.Select(f => (f.OrderId, "45" + f.Number)).ToArray());
        var nothingLeft = await FetchAsync(100);

        Assert.That(poll.Error, Is.Null);
        Assert.That(poll.Pages, Is.EqualTo(3));
        Assert.That(poll.Stored, Is.EqualTo(new OrderUpsertSummary(12, 0, 0)));
        Assert.That(fetched.Select(f => f.Number), Is.EqualTo(numbers), "every order once, oldest first");
        Assert.That(fetched.Select(f => f.ChangeType), Is.All.EqualTo("New"));
        Assert.That(ack, Is.All.EqualTo("Acknowledged"));
        Assert.That(nothingLeft, Is.Empty);
    }

    [Test]
    public async Task CursorNotSaved_ThePagesAreReadAgain_AndNothingIsStoredTwice()
    {
        var numbers = SeedOrders(7);
        var before = await Orders.GetCursorAsync(Channel, CancellationToken.None);

        await Poller.PollAsync(Channel, CancellationToken.None);
        // As after a crash between storing the pages and saving the cursor (PollCrashTests kills a real process there).
        await Orders.SaveCursorAsync(Channel, before ?? TimeProvider.System.GetUtcNow().AddDays(-30), TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var again = await Poller.PollAsync(Channel, CancellationToken.None);
        var fetched = await FetchAsync(100);

        Assert.That(again.Stored, Is.EqualTo(new OrderUpsertSummary(0, 0, 7)));
        Assert.That(fetched.Select(f => f.Number), Is.EqualTo(numbers));
    }

    [Test]
    public async Task ChangedAfterTheErpTookIt_IsOfferedAsUpdate_CancelledAsCancellation()
    {
        SeedOrders(2);
        await Poller.PollAsync(Channel, CancellationToken.None);
        var first = await FetchAsync(10);
        await AcknowledgeAsync(first.Select(f => (f.OrderId, "4500000001")).ToArray());

        store.Sandbox.UpdateOrder(first[0].Number, "holded", "holded");
        store.Sandbox.CancelOrder(first[1].Number);
        var poll = await Poller.PollAsync(Channel, CancellationToken.None);
        var changes = await FetchAsync(10);

        Assert.That(poll.Stored.Changed, Is.EqualTo(2));
        Assert.That(changes.Select(c => (c.Number, c.ChangeType, c.Revision)), Is.EquivalentTo(new[]
        {
            (first[0].Number, "Update", 2L),
            (first[1].Number, "Cancellation", 2L),
        }));
    }

    [Test]
    public async Task StoreFailsMidPoll_TheCursorStays_TheNextPollCatchesUp()
    {
        var numbers = SeedOrders(12);
        var before = await Orders.GetCursorAsync(Channel, CancellationToken.None);
        store.Sandbox.FailNext(1, 503);

        var failed = await Poller.PollAsync(Channel, CancellationToken.None);
        var cursorAfterFailure = await Orders.GetCursorAsync(Channel, CancellationToken.None);
        var next = await Poller.PollAsync(Channel, CancellationToken.None);
        var fetched = await FetchAsync(100);

        Assert.That(failed.Error, Does.Contain("503"));
        Assert.That(cursorAfterFailure, Is.EqualTo(before));
        Assert.That(next.Error, Is.Null);
        Assert.That(fetched.Select(f => f.Number), Is.EqualTo(numbers));
    }

    private List<string> SeedOrders(int count)
    {
        var numbers = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var number = $"1000{i:000}";
            store.Sandbox.SeedOrder(number, [($"MAT-{1 + (i % 3)}", i)]);
            numbers.Add(number);
        }

        return numbers;
    }

    private async Task<List<(string OrderId, string Number, string ChangeType, long Revision)>> FetchAsync(int max)
    {
        var response = await client.PostAsync(Envelopes.Wrap($"""<ord:FetchOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:MaxOrders>{max}</ord:MaxOrders><ord:Channel>{Channel}</ord:Channel></ord:FetchOrders>"""));
        Assert.That(response.Fault, Is.Null, response.Body);
        return response.Xml.Descendants(Ord + "PendingOrder")
            .Select(p => ((string)p.Element(Ord + "OrderId")!, (string)p.Element(Ord + "Order")!.Element(Ord + "OrderNumber")!, (string)p.Element(Ord + "ChangeType")!, (long)p.Element(Ord + "Revision")!))
            .ToList();
    }

    private async Task<List<string>> AcknowledgeAsync(params (string OrderId, string Document)[] acks)
    {
        var body = $"""<ord:AcknowledgeOrders xmlns:ord="urn:erpbridge:orders:v1"><ord:Acknowledgements>{string.Concat(acks.Select(a => $"<ord:Acknowledgement><ord:OrderId>{a.OrderId}</ord:OrderId><ord:ErpDocumentNumber>{a.Document}</ord:ErpDocumentNumber></ord:Acknowledgement>"))}</ord:Acknowledgements></ord:AcknowledgeOrders>""";
        var response = await client.PostAsync(Envelopes.Wrap(body));
        Assert.That(response.Fault, Is.Null, response.Body);
        return response.Xml.Descendants(Ord + "Status").Select(s => s.Value).ToList();
    }
}
