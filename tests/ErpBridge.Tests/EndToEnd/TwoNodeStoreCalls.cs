using System.Text.Json;
using System.Text.RegularExpressions;
using ErpBridge.Bench;
using ErpBridge.Sandboxes;

namespace ErpBridge.Tests.EndToEnd;

/// <summary>
/// The write calls one store received, from the sandbox's own record (Shopify's mutation log in its state, the request
/// log of the others at <c>/_sandbox/requests</c>): how often each stock quantity was written (the tests give every
/// stock line a quantity of its own, at least <see cref="StockBase"/>, so a quantity names the message line it came
/// from whatever calls the lines were merged into), and how often each kind of shipment write named each tracking
/// number (a shipment is one <c>fulfillmentCreate</c>, one <c>POST v2/orders/{id}/shipments</c>, one
/// <c>POST V1/order/{id}/ship</c>, or on WooCommerce one <c>PUT orders/{id}</c> and one note).
/// </summary>
internal sealed partial record TwoNodeStoreCalls(string Store, IReadOnlyDictionary<long, int> StockQuantities, IReadOnlyDictionary<string, int> ShipmentWrites, long Received, int Logged)
{
    /// <summary>The smallest quantity a test's stock line carries; nothing else written to a store comes near it.</summary>
    public const long StockBase = 100_000;

    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Whether the sandbox still holds every request it received (its log keeps the last 10,000).</summary>
    public bool Complete => Received == Logged;

    public static async Task<IReadOnlyList<TwoNodeStoreCalls>> ReadAsync(HttpClient http, KillStores stores, CancellationToken cancellationToken)
    {
        using var shopify = JsonDocument.Parse(await http.GetStringAsync(new Uri(stores.Shopify, "_sandbox/state"), cancellationToken));
        var mutations = shopify.RootElement.GetProperty("mutations").EnumerateArray()
            .Select(m => (Shape: m.GetProperty("mutation").GetString()!, Body: m.GetProperty("argumentsJson").GetString()))
            .ToList();
        var calls = new List<TwoNodeStoreCalls> { Count("Shopify", mutations, mutations.Count, mutations.Count) };
        foreach (var (name, store) in new[] { ("BigCommerce", stores.BigCommerce), ("WooCommerce", stores.WooCommerce), ("Magento", stores.Magento) })
        {
            var (received, requests) = await RequestsAsync(http, store, cancellationToken);
            var writes = requests.Where(r => r.Method is not ("GET" or "HEAD")).Select(r => (Shape: r.Method + " " + Digits().Replace(r.Path, "{id}"), r.Body)).ToList();
            calls.Add(Count(name, writes, received, requests.Count));
        }

        return calls;
    }

    /// <summary>Every request a REST sandbox's log holds, oldest first, and how many it received in all.</summary>
    public static async Task<(long Received, IReadOnlyList<LoggedRequest> Requests)> RequestsAsync(HttpClient http, Uri store, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(store, "_sandbox/requests"), cancellationToken));
        var requests = document.RootElement.GetProperty("requests").Deserialize<List<LoggedRequest>>(Snake)!;
        return (document.RootElement.GetProperty("total").GetInt64(), requests);
    }

    private static TwoNodeStoreCalls Count(string store, IEnumerable<(string Shape, string? Body)> writes, long received, int logged)
    {
        var quantities = new Dictionary<long, int>();
        var shipments = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (shape, body) in writes)
        {
            if (string.IsNullOrEmpty(body))
            {
                continue;
            }

            using (var document = JsonDocument.Parse(body))
            {
                foreach (var quantity in Quantities(document.RootElement).Where(q => q >= StockBase))
                {
                    quantities[quantity] = quantities.GetValueOrDefault(quantity) + 1;
                }
            }

            // A tracking URL repeats the number: each write counts once per tracking number it names.
            foreach (var tracking in TrackingNumbers().Matches(body).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                var key = shape + " " + tracking;
                shipments[key] = shipments.GetValueOrDefault(key) + 1;
            }
        }

        return new TwoNodeStoreCalls(store, quantities, shipments, received, logged);
    }

    /// <summary>Every number under a property named quantity or stock_quantity, however deep.</summary>
    private static IEnumerable<long> Quantities(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "quantity" or "stock_quantity" && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var quantity))
                {
                    yield return quantity;
                }
                else
                {
                    foreach (var inner in Quantities(property.Value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(Quantities))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Digits();

    [GeneratedRegex(@"TRK-KS\d{5}")]
    private static partial Regex TrackingNumbers();
}
