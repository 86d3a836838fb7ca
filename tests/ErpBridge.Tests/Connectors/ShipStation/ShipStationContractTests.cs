using System.Text.Json;
using System.Text.RegularExpressions;
using ErpBridge.Connectors.ShipStation;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Routing;
using ErpBridge.Sandboxes.ShipStation;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.ShipStation;

/// <summary>
/// ShipStation v1 has no machine-readable contract; its stored notes (shipstation/api-notes.md) name the required
/// fields of createorder, the fields of an item and the order statuses. What the connector sends for every status the
/// map writes is checked against those lists as the notes state them, so that a change of the notes shows here.
/// </summary>
[TestFixture]
public sealed partial class ShipStationContractTests
{
    [Test]
    public async Task CreateOrder_ForEveryStatus_SendsTheNotesRequiredFields_AndADocumentedStatus()
    {
        var notes = await File.ReadAllTextAsync(RepositoryFolders.Contract("shipstation/api-notes.md"));
        var createOrder = notes.Split('\n').Single(l => l.Contains("`POST /orders/createorder`", StringComparison.Ordinal));
        var required = Names(createOrder[createOrder.IndexOf("Required fields:", StringComparison.Ordinal)..].Split('.')[0]);
        var itemFields = Names(createOrder[createOrder.IndexOf("`items[]` holds", StringComparison.Ordinal)..].Split("and so on")[0]);
        var listOrders = notes.Split('\n').Single(l => l.Contains("`orderStatus` is one of", StringComparison.Ordinal));
        var statuses = Names(listOrders[listOrders.IndexOf("`orderStatus` is one of", StringComparison.Ordinal)..].Split('.')[0]).Skip(1).ToList();
        Assert.That(required, Is.EquivalentTo(new[] { "orderNumber", "orderDate", "orderStatus", "billTo", "shipTo" }), "the notes' required fields");
        Assert.That(statuses, Has.Count.EqualTo(7), "the notes' order statuses");

        await using var sandbox = await ShipStationSandbox.StartAsync(new ShipStationSandboxOptions { ApiKey = "k", ApiSecret = "s" }, CancellationToken.None);
        await using var connector = new ShipStationConnectorFactory().Create("ss", new ChannelOptions { Platform = Platform.ShipStation, BaseUrl = sandbox.BaseAddress.ToString(), ConsumerKey = "k", ConsumerSecret = "s" });
        var cases = new[] { ("Open", "Paid"), ("Open", "Pending"), ("Completed", "Paid"), ("Cancelled", "Voided"), ("Refunded", "Refunded") };
        foreach (var (index, (status, payment)) in cases.Index())
        {
            var plan = RepositoryMaps.Plan("outbound/shipstation/Orders", ShipStationConnectorTests.Order("bc", $"{index}", status, payment), "ss", "m");
            var outcome = await connector.ExecuteAsync(plan, CancellationToken.None);
            Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>(), $"{status}/{payment}: {outcome}");
        }

        foreach (var request in sandbox.Requests)
        {
            using var body = JsonDocument.Parse(request.Body!);
            var root = body.RootElement;
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.SupersetOf(required), request.Body);
            Assert.That(statuses, Does.Contain(root.GetProperty("orderStatus").GetString()), request.Body);
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                Assert.That(itemFields, Is.SupersetOf(item.EnumerateObject().Select(p => p.Name).Where(n => n != "taxAmount")), "item fields the notes name (taxAmount is among their 'and so on')");
            }
        }
    }

    private static List<string> Names(string text) => Quoted().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('[', ']')).ToList();

    [GeneratedRegex("`([A-Za-z_\\[\\]]+)`")]
    private static partial Regex Quoted();
}
