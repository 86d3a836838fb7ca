using ErpBridge.Core.Status;

namespace ErpBridge.Core.Delivery;

/// <summary>
/// One item of a message that a channel skipped or failed while the rest of the message was delivered.
/// <paramref name="Key"/> is the item's key (<c>inv:SKU@LOCATION</c>, <c>prod:SKU</c>), <paramref name="Reason"/> says why.
/// </summary>
public sealed record ItemOutcome(string Key, ItemState State, string Reason)
{
    public static ItemOutcome Skipped(string key, string reason) => new(key, ItemState.Skipped, reason);

    public static ItemOutcome Failed(string key, string reason) => new(key, ItemState.Failed, reason);

    /// <summary>"1 item skipped, 2 items failed", or "" when there is neither.</summary>
    public static string Summary(IEnumerable<ItemOutcome> items) => Summary(items.Select(i => i.State));

    /// <inheritdoc cref="Summary(IEnumerable{ItemOutcome})"/>
    public static string Summary(IEnumerable<ItemState> states)
    {
        var all = states.ToList();
        var skipped = all.Count(s => s == ItemState.Skipped);
        var failed = all.Count - skipped;
        var parts = new List<string>(2);
        if (skipped > 0)
        {
            parts.Add($"{skipped} item{(skipped == 1 ? "" : "s")} skipped");
        }

        if (failed > 0)
        {
            parts.Add($"{failed} item{(failed == 1 ? "" : "s")} failed");
        }

        return string.Join(", ", parts);
    }
}
