using System.Globalization;

namespace ErpBridge.Bench;

/// <summary>
/// Compares the stores with the accepted messages: each shipment's marks exactly once on each store; each SKU's
/// level at the run's location equal to the quantity of the accepted message with the newest SentAt; each product
/// on each store exactly once, with the newest accepted title.
/// </summary>
internal static class StoreCheck
{
    public static StoreCheckResult Compare(IReadOnlyList<KillMessage> accepted, IReadOnlyList<StoreView> stores)
    {
        var findings = new List<string>();
        var newestLevels = accepted.Where(m => m.Kind == KillMessageKind.Stock).OrderBy(m => m.SentAt)
            .SelectMany(m => m.Levels).GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Quantity, StringComparer.Ordinal);
        var newestTitles = accepted.Where(m => m.Product is not null).OrderBy(m => m.SentAt)
            .GroupBy(m => m.Product!.Value.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Product!.Value.Title, StringComparer.Ordinal);
        var orders = accepted.Where(m => m.Order is not null).Select(m => m.Order!.Value).ToList();
        int shipments = 0, levels = 0, products = 0;
        foreach (var store in stores)
        {
            foreach (var order in orders)
            {
                foreach (var mark in store.MarksOf(order))
                {
                    shipments++;
                    var count = store.Marks.GetValueOrDefault(mark);
                    if (count != 1)
                    {
                        findings.Add(Invariant($"{store.Name}: shipment {KillOrders.ShipmentId(order)} ({mark}) found {count} times, expected once"));
                    }
                }
            }

            foreach (var (sku, quantity) in newestLevels)
            {
                levels++;
                if (!store.Levels.TryGetValue(sku, out var level) || level != quantity)
                {
                    findings.Add(Invariant($"{store.Name}: {sku} stands at {(store.Levels.ContainsKey(sku) ? level.ToString(CultureInfo.InvariantCulture) : "nothing")}, the newest accepted level is {quantity}"));
                }
            }

            foreach (var (sku, title) in newestTitles)
            {
                products++;
                var titles = store.Titles.GetValueOrDefault(sku) ?? [];
                if (titles.Count != 1 || titles[0] != title)
                {
                    findings.Add(Invariant($"{store.Name}: product {sku} found {titles.Count} times ({string.Join(" | ", titles)}), expected once as '{title}'"));
                }
            }
        }

        return new StoreCheckResult(shipments, levels, products, findings);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
