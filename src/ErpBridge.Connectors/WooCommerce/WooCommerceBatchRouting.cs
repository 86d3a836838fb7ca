using System.Xml.Linq;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.WooCommerce;

/// <summary>
/// A stock map cannot know which SKUs are variations, nor their parents, so it writes every update into one
/// <c>products/batch</c> call and names each entry's id as a <c>stock-item</c> reference. Once SKUs are resolved, the
/// entries that are variations move to <c>products/{parent}/variations/batch</c>, one call per parent: WooCommerce
/// updates variations only through their parent's routes. Each part holds at most the original call's entries, so
/// the map's split at the batch limit holds for every part.
/// </summary>
internal static class WooCommerceBatchRouting
{
    public const string ProductsBatchPath = "products/batch";

    /// <summary>The (path, body) parts a call's body goes out as; the call itself when nothing moves.</summary>
    public static IReadOnlyList<(string Path, XElement Body)> Split(string path, XElement body, Func<string, WooCommerceCatalogItem?> lookup)
    {
        var update = path == ProductsBatchPath
            ? body.Elements(JsonXml.Ns + "array").FirstOrDefault(a => (string?)a.Attribute("key") == "update")
            : null;
        if (update is null)
        {
            return [(path, body)];
        }

        var moved = update.Elements()
            .Select(entry => (Entry: entry, Item: StockItemKey(entry) is { } sku ? lookup(sku) : null))
            .Where(e => e.Item is { IsVariation: true })
            .ToList();
        if (moved.Count == 0)
        {
            return [(path, body)];
        }

        var parts = new List<(string Path, XElement Body)>();
        var products = new XElement(body);
        var remaining = products.Elements(JsonXml.Ns + "array").First(a => (string?)a.Attribute("key") == "update");
        foreach (var entry in remaining.Elements().Where(e => StockItemKey(e) is { } sku && lookup(sku) is { IsVariation: true }).ToList())
        {
            entry.Remove();
        }

        if (!remaining.HasElements)
        {
            remaining.Remove();
        }

        if (products.HasElements)
        {
            parts.Add((path, products));
        }

        foreach (var group in moved.GroupBy(m => m.Item!.ParentId).OrderBy(g => g.Key))
        {
            parts.Add(($"products/{WooCommerceOutcomes.Number(group.Key)}/variations/batch",
                new XElement(JsonXml.Ns + "map", new XElement(JsonXml.Ns + "array", new XAttribute("key", "update"), group.Select(m => new XElement(m.Entry))))));
        }

        return parts;
    }

    /// <summary>The SKU of an entry's <c>id</c> when it is a stock-item reference.</summary>
    private static string? StockItemKey(XElement entry) =>
        entry.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == "id" && (string?)e.Attribute(PlanReference.RefAttribute) == WooCommerceReferenceKinds.StockItem)
            ?.Attribute(PlanReference.KeyAttribute)?.Value;
}
