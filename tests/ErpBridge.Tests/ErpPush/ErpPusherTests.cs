using System.Xml.Linq;
using ErpBridge.Core.Delivery;
using ErpBridge.ErpPush;
using ErpBridge.Mapping.Maps;
using ErpBridge.Sandboxes.Erp;

namespace ErpBridge.Tests.ErpPush;

/// <summary>The WCF pusher against the sandbox ERP over real Kestrel: acceptance, exactly-once, change types, and how failures are classified.</summary>
[TestFixture]
public sealed class ErpPusherTests
{
    private const string Password = "s3cret-Pa55";

    private ErpSandbox sandbox = null!;
    private XsltMapEngine maps = null!;

    [SetUp]
    public async Task StartAsync()
    {
        sandbox = await ErpSandbox.StartAsync(new ErpSandboxOptions { UserName = "PIAPPLUSER", Password = Password, ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);
        maps = ErpTestOrders.Maps();
    }

    [TearDown]
    public async Task StopAsync()
    {
        maps.Dispose();
        await sandbox.DisposeAsync();
    }

    [Test]
    public async Task Push_NewCanonicalOrder_CreatesASalesOrderNumber()
    {
        using var pusher = Pusher();
        var order = ErpTestOrders.Order("1042");

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-1", ErpChangeType.New, order.Root!), CancellationToken.None);

        Assert.That(result.Accepted, Is.True, result.ToString());
        Assert.That(result.ErpDocumentNumber, Is.EqualTo("0000012345"));
        Assert.That(result.Status, Is.EqualTo("Created"));
        Assert.That(result.Duplicate, Is.False);
        var delivered = (DeliveryOutcome.Delivered)result.Outcome;
        Assert.That(delivered.PlatformIds[ErpPushResult.DocumentIdKey], Is.EqualTo("0000012345"));
        var document = sandbox.State().DocumentFor("shop-eu/1042");
        Assert.That(document, Is.Not.Null);
        Assert.That(document!.ChangeTypes, Is.EqualTo(new[] { "New" }));
        Assert.That(XElement.Parse(document.Content).Element(ErpTestOrders.Ord + "Lines")!.Elements().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Push_SameMessageIdTwice_OneDocumentAndTheSecondIsADuplicate()
    {
        using var pusher = Pusher();
        var request = new ErpPushRequest("MSG-TWICE", ErpChangeType.New, ErpTestOrders.Order("2001").Root!);

        var first = await pusher.PushAsync(request, CancellationToken.None);
        var second = await pusher.PushAsync(request, CancellationToken.None);

        Assert.That(first.Status, Is.EqualTo("Created"));
        Assert.That(second.Accepted, Is.True, second.ToString());
        Assert.That(second.Duplicate, Is.True);
        Assert.That(second.ErpDocumentNumber, Is.EqualTo(first.ErpDocumentNumber));
        var state = sandbox.State();
        Assert.That(state.Documents, Has.Count.EqualTo(1));
        Assert.That(state.Receipts.Select(r => r.Status), Is.EqualTo(new[] { "Created", "Duplicate" }));
    }

    [Test]
    public async Task Push_IdocNewThenUpdateThenCancellation_SameDocumentMarkedEachTime()
    {
        using var pusher = Pusher();
        var builder = new ErpDocumentBuilder(maps);
        var number = ErpTestOrders.NewOrderNumber();
        var order = ErpTestOrders.Order(number);
        var results = new List<ErpPushResult>();
        foreach (var (changeType, messageId) in new[] { (ErpChangeType.New, "M-1"), (ErpChangeType.Update, "M-2"), (ErpChangeType.Cancellation, "M-3") })
        {
            var document = builder.Build(order, changeType, messageId, "erp/ORDERS05");
            results.Add(await pusher.PushAsync(new ErpPushRequest(messageId, changeType, document), CancellationToken.None));
        }

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { "Created", "Changed", "Cancelled" }), string.Join("; ", results));
        Assert.That(results.Select(r => r.ErpDocumentNumber).Distinct().Count(), Is.EqualTo(1));
        var stored = sandbox.State().DocumentFor("WEBSHOP/" + number)!;
        Assert.That(stored.ChangeTypes, Is.EqualTo(new[] { "New", "Update", "Cancellation" }));
        Assert.That(stored.Cancelled, Is.True);
        var idoc = XElement.Parse(stored.Content);
        Assert.That(idoc.Descendants("MESTYP").Single().Value, Is.EqualTo("ORDCHG"));
        Assert.That(idoc.Descendants("E1EDK01").Single().Element("ACTION")!.Value, Is.EqualTo("001"));
    }

    [Test]
    public async Task Push_UpdateOfAnOrderTheErpDoesNotHave_PermanentWithTheErpsText()
    {
        using var pusher = Pusher();

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-U", ErpChangeType.Update, ErpTestOrders.Order("9999").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Contain("OrderNotFound").And.Contain("shop-eu/9999"));
    }

    [Test]
    public async Task Push_Http503_TransientAndTheRetryIsProcessed()
    {
        using var pusher = Pusher();
        var request = new ErpPushRequest("MSG-503", ErpChangeType.New, ErpTestOrders.Order("3001").Root!);
        sandbox.FailNext(1, 503);

        var failed = await pusher.PushAsync(request, CancellationToken.None);
        var retried = await pusher.PushAsync(request, CancellationToken.None);

        Assert.That(failed.Outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), failed.ToString());
        Assert.That(sandbox.State().Receipts.Count, Is.EqualTo(1));
        Assert.That(retried.Status, Is.EqualTo("Created"), "a refused hand-over leaves no trace, so its retry is processed afresh");
    }

    [TestCase(429)]
    [TestCase(408)]
    [TestCase(425)]
    public async Task Push_Http429408425_Transient(int status)
    {
        using var pusher = Pusher();
        sandbox.FailNext(1, status);

        var result = await pusher.PushAsync(new ErpPushRequest($"MSG-{status}", ErpChangeType.New, ErpTestOrders.Order("3002").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), result.ToString());
    }

    [Test]
    public async Task Push_SoapClientFault_PermanentWithTheErpsCodeAndText()
    {
        using var pusher = Pusher();
        sandbox.FailNext(1, ErpSandboxFault.Client("MaterialUnknown", "Material MAT-100200 does not exist in sales org 1000"));

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-CF", ErpChangeType.New, ErpTestOrders.Order("4001").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), result.ToString());
        var reason = ((DeliveryOutcome.PermanentFailure)result.Outcome).Reason;
        Assert.That(reason, Does.Contain("MaterialUnknown").And.Contain("Material MAT-100200 does not exist in sales org 1000"));
        Assert.That(sandbox.State().Documents, Is.Empty);
    }

    [Test]
    public async Task Push_SoapServerFaultTryLater_Transient()
    {
        using var pusher = Pusher();
        sandbox.FailNext(1, ErpSandboxFault.Server("TryLater", "Sales document is locked by user BATCH"));

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-SF", ErpChangeType.New, ErpTestOrders.Order("4002").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Outcome).Reason, Does.Contain("locked by user BATCH"));
    }

    [Test]
    public async Task Push_SoapServerFaultWithAnotherCode_Permanent()
    {
        using var pusher = Pusher();
        sandbox.FailNext(1, ErpSandboxFault.Server("V1-302", "Customer WEBSHOP is blocked for sales"));

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-SF2", ErpChangeType.New, ErpTestOrders.Order("4003").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Contain("blocked for sales"));
    }

    [Test]
    public async Task Push_ErpSlowerThanTheTimeout_Transient()
    {
        using var pusher = Pusher(timeout: TimeSpan.FromMilliseconds(400));
        sandbox.Delay(TimeSpan.FromSeconds(5));

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-SLOW", ErpChangeType.New, ErpTestOrders.Order("5001").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.TransientFailure)result.Outcome).Reason, Does.Contain("in time"));
    }

    [Test]
    public async Task Push_WrongPassword_Permanent()
    {
        using var pusher = Pusher(password: "not-the-password");

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-PW", ErpChangeType.New, ErpTestOrders.Order("6001").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Contain("credentials"));
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Not.Contain("not-the-password"));
        Assert.That(sandbox.State().Receipts, Is.Empty);
    }

    [Test]
    public async Task Push_NothingListening_Transient()
    {
        var options = Options();
        await sandbox.DisposeAsync();
        sandbox = await ErpSandbox.StartAsync(new ErpSandboxOptions { ContractFolder = ErpTestOrders.ContractFolder }, CancellationToken.None);
        using var pusher = new ErpOrderPusher(options);

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-DOWN", ErpChangeType.New, ErpTestOrders.Order("7001").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.TransientFailure>(), result.ToString());
    }

    [Test]
    public async Task Push_InvalidMessageId_PermanentWithoutCallingTheErp()
    {
        using var pusher = Pusher();

        var result = await pusher.PushAsync(new ErpPushRequest("has spaces", ErpChangeType.New, ErpTestOrders.Order("7002").Root!), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>());
        Assert.That(sandbox.State().Receipts, Is.Empty);
    }

    [Test]
    public async Task Push_NewAgainWithAnotherMessageId_NamesTheExistingDocument()
    {
        using var pusher = Pusher();
        var order = ErpTestOrders.Order("8001").Root!;

        var first = await pusher.PushAsync(new ErpPushRequest("MSG-A", ErpChangeType.New, order), CancellationToken.None);
        var second = await pusher.PushAsync(new ErpPushRequest("MSG-B", ErpChangeType.New, order), CancellationToken.None);

        Assert.That(second.ErpDocumentNumber, Is.EqualTo(first.ErpDocumentNumber));
        Assert.That(sandbox.State().Documents, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Push_UpdateAfterCancellation_PermanentOrderCancelled()
    {
        using var pusher = Pusher();
        var order = ErpTestOrders.Order("8002").Root!;
        await pusher.PushAsync(new ErpPushRequest("MSG-N", ErpChangeType.New, order), CancellationToken.None);
        await pusher.PushAsync(new ErpPushRequest("MSG-C", ErpChangeType.Cancellation, order), CancellationToken.None);

        var result = await pusher.PushAsync(new ErpPushRequest("MSG-U2", ErpChangeType.Update, order), CancellationToken.None);

        Assert.That(result.Outcome, Is.TypeOf<DeliveryOutcome.PermanentFailure>(), result.ToString());
        Assert.That(((DeliveryOutcome.PermanentFailure)result.Outcome).Reason, Does.Contain("OrderCancelled"));
    }

    [Test]
    public async Task Push_CancelledByTheCaller_ThrowsOperationCanceled()
    {
        using var pusher = Pusher();
        sandbox.Delay(TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync(
            Is.InstanceOf<OperationCanceledException>(),
            async () => await pusher.PushAsync(new ErpPushRequest("MSG-CANCEL", ErpChangeType.New, ErpTestOrders.Order("8003").Root!), cancellation.Token));
    }

    [Test]
    public void Options_Validate_NamesEveryBrokenKey()
    {
        var options = new ErpEndpointOptions { Url = new Uri("http://erp.example.com/x"), Timeout = TimeSpan.Zero, Map = "../escape" };

        var problems = options.Validate();

        Assert.That(problems, Has.Some.StartsWith("Url must use https"));
        Assert.That(problems, Has.Some.StartsWith("UserName"));
        Assert.That(problems, Has.Some.StartsWith("Timeout"));
        Assert.That(problems, Has.Some.StartsWith("Map:"));
        Assert.That(Options().Validate(), Is.Empty);
    }

    [Test]
    public void Constructor_PlainHttpWithoutAllowHttp_IsRefused()
    {
        var options = Options();
        options.AllowHttp = false;

        var error = Assert.Throws<ArgumentException>(() => new ErpOrderPusher(options).Dispose());

        Assert.That(error!.Message, Does.Contain("https"));
    }

    [Test]
    public void Options_ToString_MasksThePassword()
    {
        var text = Options().ToString();

        Assert.That(text, Does.Not.Contain(Password));
        Assert.That(text, Does.Contain("Password=***"));
    }

    private ErpOrderPusher Pusher(string password = Password, TimeSpan? timeout = null)
    {
        var options = Options(password);
        options.Timeout = timeout ?? TimeSpan.FromSeconds(10);
        return new ErpOrderPusher(options);
    }

    private ErpEndpointOptions Options(string password = Password) => new()
    {
        Url = sandbox.ServiceAddress,
        UserName = "PIAPPLUSER",
        Password = password,
        AllowHttp = true,
    };
}
