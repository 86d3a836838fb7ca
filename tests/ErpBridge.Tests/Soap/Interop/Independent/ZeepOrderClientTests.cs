using System.Text.Json;
using ErpBridge.Core.Orders;
using ErpBridge.Tests.Orders;
using ErpBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ErpBridge.Tests.Soap.Interop.Independent;

/// <summary>
/// A Python ERP (zeep, client built at run time from the served WSDL) fetches store orders and acknowledges them:
/// python/order_client.py beside this file, against the real bridge holding real stored orders.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class ZeepOrderClientTests
{
    private BridgeFixture? bridge;

    private static string Script => Path.Combine(TestContext.CurrentContext.TestDirectory, "Soap", "Interop", "Independent", "python", "order_client.py");

    [SetUp]
    public async Task StartAsync()
    {
        await ExternalTools.RequireZeepAsync();
        bridge = await BridgeFixture.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (bridge is not null)
        {
            await bridge.DisposeAsync();
        }
    }

    [TestCase(IndependentClientChecks.Soap11Port)]
    [TestCase(IndependentClientChecks.Soap12Port)]
    public async Task PythonErp_FetchesTypedOrders_AcknowledgesThem_AndNothingIsLeft(string port)
    {
        var store = bridge!.App.Services.GetRequiredService<IOrderStore>();
        var at = TimeProvider.System.GetUtcNow();
        await store.UpsertAsync(
            [
                new OrderRevision("shopify-demo", "5001", "1001", at, false, CanonicalOrderSamples.Order("shopify-demo", "5001", "1001", sku: "MAT-100001"), "a"),
                new OrderRevision("magento-demo", "7", "000000007", at, false, CanonicalOrderSamples.Order("magento-demo", "7", "000000007", quantity: 3), "b"),
            ],
            OrderHandover.Pull,
            at,
            CancellationToken.None);

        var result = await ExternalProcess.RunAsync(
            ExternalTools.Python,
            ["-I", Script, IndependentClientChecks.ServedWsdl(bridge), "--port", port, "--user", BridgeFixture.DemoUser, "--password", BridgeFixture.DemoPassword],
            TimeSpan.FromSeconds(90));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Describe());
        using var output = JsonDocument.Parse(result.StandardOutput);
        var root = output.RootElement;
        var fetched = root.GetProperty("fetched").EnumerateArray().ToList();
        Assert.That(fetched.Select(o => o.GetProperty("OrderId").GetString()), Is.EqualTo(new[] { "shopify-demo:5001", "magento-demo:7" }));
        Assert.That(fetched.Select(o => o.GetProperty("ChangeType").GetString()), Is.All.EqualTo("New"));
        Assert.That(fetched[0].GetProperty("Skus")[0].GetString(), Is.EqualTo("MAT-100001"), "the order is parsed by the served schema, lines included");
        Assert.That(fetched[1].GetProperty("Total").GetString(), Is.EqualTo("8.65"));
        Assert.That(root.GetProperty("acknowledged").EnumerateArray().Select(r => r.GetProperty("Status").GetString()), Is.EqualTo(new[] { "Acknowledged", "Acknowledged", "Unknown" }));
        Assert.That(root.GetProperty("again")[0].GetProperty("Status").GetString(), Is.EqualTo("AlreadyAcknowledged"));
        Assert.That(root.GetProperty("refetched").GetArrayLength(), Is.EqualTo(0));
        var views = await store.ListAsync(null, null, 10, CancellationToken.None);
        Assert.That(views.Select(v => (v.OrderId, v.State, v.ErpDocumentNumber)), Is.EquivalentTo(new[]
        {
            ("shopify-demo:5001", OrderState.Acknowledged, (string?)"4500000001"),
            ("magento-demo:7", OrderState.Acknowledged, (string?)"4500000002"),
        }));
    }
}
