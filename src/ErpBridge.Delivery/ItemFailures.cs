using ErpBridge.Core.Delivery;

namespace ErpBridge.Delivery;

/// <summary>
/// Which of a plan's failed items belong to one message. A map names an item by its key as XSLT reads it (whitespace
/// normalised), the message by its key as stored (trimmed): the two are matched with runs of whitespace folded, and a
/// failure is reported under the message's own key. Stock messages sent together share a plan, so each takes its own.
/// </summary>
public static class ItemFailures
{
    public static IReadOnlyList<ItemOutcome> Of(IReadOnlyList<ItemOutcome> failures, IReadOnlyList<string> keys)
    {
        if (failures.Count == 0)
        {
            return [];
        }

        var byFolded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byFolded.TryAdd(Fold(key), key);
        }

        return failures
            .Select(f => byFolded.TryGetValue(Fold(f.Key), out var key) ? f with { Key = key } : null)
            .OfType<ItemOutcome>()
            .DistinctBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fold(string key) => string.Join(' ', key.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
