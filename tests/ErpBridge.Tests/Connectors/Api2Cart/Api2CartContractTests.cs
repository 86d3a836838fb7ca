using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Mapping.Golden;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Tests.Support;

namespace ErpBridge.Tests.Connectors.Api2Cart;

/// <summary>
/// The connector, the maps and the sandbox against API2Cart's published OpenAPI file: every request the connector made
/// in a working session (stock, products, a shipment, an order poll, a stock read, the look-ups behind them) is a
/// declared operation with declared query parameters and a body its schema allows, and every answer the sandbox gave
/// matches the operation's 200 schema. Skipped with the reason when the contracts are not beside the checkout.
/// </summary>
public sealed class Api2CartContractTests
{
    public static IEnumerable<TestCaseData> MapCases() =>
        GoldenCases.Discover(RepositoryFolders.Xslt)
            .Where(c => c.MapName.StartsWith("outbound/api2cart/", StringComparison.Ordinal) && !c.ExpectsError)
            .Select(c => new TestCaseData(c).SetName($"Api2CartMap {c.MapName} {c.Name} writes published fields"));

    [TestCaseSource(nameof(MapCases))]
    public void MapBodies_UseOnlyPublishedFields(GoldenCase goldenCase)
    {
        var contract = Api2CartContract.Load();
        foreach (var call in RequestPlan.Parse(CanonicalXml.Load(goldenCase.ExpectedPath)).Calls)
        {
            foreach (var found in new[] { true, false })
            {
                var (body, unresolved) = PlanReference.Apply(call.Body!, r => found || r.Missing == MissingReference.Fail ? "42" : null);
                Assert.That(unresolved, Is.Null);
                var problems = contract.CheckRequest(call.Method, call.Path, "", JsonXml.ToJson(body!));
                Assert.That(problems, Is.Empty, $"{call.Id}, references {(found ? "found" : "missing")}");
            }
        }
    }

    [Test]
    public void Checker_CatchesAnUndeclaredField_AWrongType_AndAnUndeclaredParameter()
    {
        var contract = Api2CartContract.Load();

        var body = contract.CheckRequest("PUT", "product.update.json", "", """{"id":"1","quantity":"5","stock_level":3}""");
        var query = contract.CheckRequest("GET", "order.list.json", "?modified_since=2026-01-01&count=ten", null);
        var missing = contract.CheckRequest("GET", "order.shipment.list.json", "", null);

        Assert.That(body, Has.Some.Contains("body.quantity").And.Some.Contains("body.stock_level is not in the contract"));
        Assert.That(query, Has.Some.Contains("'modified_since' is not declared").And.Some.Contains("'count' = 'ten'"));
        Assert.That(missing, Has.Some.Contains("required query parameter 'order_id'"));
    }

    [Test]
    public async Task EveryRequestAndAnswer_OfAWorkingSession_MatchesTheContract()
    {
        var contract = Api2CartContract.Load();
        await using var store = await Api2CartTestStore.StartAsync();
        store.Sandbox.Seed(["C-1", "C-2"]);
        store.Sandbox.SeedOrder("8001", [("C-1", 2), ("C-2", 1)]);

        var outcomes = new List<DeliveryOutcome>
        {
            await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Inventory", Api2CartTestStore.Stock(("C-1", "WH1", 5), ("C-2", "WH2", 3))), CancellationToken.None),
            await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("C-1", "Existing", 12.5m)), CancellationToken.None),
            await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Products", Api2CartTestStore.Product("C-NEW", "New", null)), CancellationToken.None),
            await store.Connector.ExecuteAsync(Api2CartTestStore.Plan("Shipments", Api2CartTestStore.Shipment("8001", "1Z1", ("C-1", 2), ("C-2", 1))), CancellationToken.None),
        };
        var orders = await store.Orders.ReadOrdersAsync(new OrderQuery(DateTimeOffset.UnixEpoch, null, 100), CancellationToken.None);
        var stock = await store.StockReader.ReadStockAsync(new StockQuery(null, 100), CancellationToken.None);

        Assert.That(outcomes, Has.All.InstanceOf<DeliveryOutcome.Delivered>(), string.Join("; ", outcomes));
        Assert.That((orders.Failure, stock.Failure), Is.EqualTo(((DeliveryOutcome?)null, (DeliveryOutcome?)null)));
        var requests = store.Sandbox.Requests;
        Assert.That(requests.Select(r => r.Path).Distinct(), Is.EquivalentTo(new[]
        {
            "product.list.json", "product.update.json", "product.add.json", "order.info.json", "order.shipment.list.json", "order.shipment.add.json", "order.list.json",
        }));
        using var http = new HttpClient { BaseAddress = store.Sandbox.ApiRoot };
        http.DefaultRequestHeaders.Add("x-api-key", Api2CartTestStore.ApiKey);
        http.DefaultRequestHeaders.Add("x-store-key", Api2CartTestStore.StoreKey);
        foreach (var request in requests)
        {
            Assert.That(contract.CheckRequest(request.Method, request.Path, request.Query, request.Body), Is.Empty, $"{request.Method} {request.Path}{request.Query}");

            // Asked again: a read answers the same way, a write (each carries its idempotency_key) replays its first answer.
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.Query);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            using var answer = await http.SendAsync(message);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("return_code").GetInt32(), Is.Zero, text);
            Assert.That(contract.CheckResponse(request.Method, request.Path, text), Is.Empty, $"answer to {request.Method} {request.Path}: {text}");
        }

        Assert.That(store.Sandbox.ReplayedCount, Is.EqualTo(requests.Count(r => r.IsWrite)), "every write was replayed from its idempotency_key, not run again");
    }
}
