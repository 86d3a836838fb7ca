using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify;

/// <summary>
/// The <c>query</c> of the orders connection: <c>name:#1001</c> terms (any of them), and <c>updated_at</c> /
/// <c>created_at</c> comparisons (all of them), e.g. <c>updated_at:&gt;='2026-01-01T00:00:00Z'</c>, compared to the
/// second as Shopify keeps its times. A term on another field, a bare word or a date the sandbox cannot read matches
/// nothing, so that a client never mistakes an unsupported filter for "everything".
/// </summary>
internal sealed class ShopifyOrderSearch
{
    private readonly List<string> names = [];
    private readonly List<Func<OrderEntity, bool>> conditions = [];
    private readonly bool matchesNothing;

    private ShopifyOrderSearch(string? query)
    {
        foreach (var (field, comparator, value) in ShopifySearchQuery.Terms(query))
        {
            switch (field)
            {
                case "name":
                    names.Add(value.StartsWith('#') ? value : "#" + value);
                    break;
                case "updated_at" or "created_at" when Instant(value) is { } instant:
                    Func<OrderEntity, DateTimeOffset> time = field == "updated_at" ? o => o.UpdatedAt : o => o.CreatedAt;
                    conditions.Add(comparator switch
                    {
                        ">" => o => time(o) > instant,
                        ">=" => o => time(o) >= instant,
                        "<" => o => time(o) < instant,
                        "<=" => o => time(o) <= instant,
                        _ => o => time(o) == instant,
                    });
                    break;
                default:
                    matchesNothing = true;
                    break;
            }
        }
    }

    public static ShopifyOrderSearch Parse(string? query) => new(query);

    public bool Matches(OrderEntity order) =>
        !matchesNothing && (names.Count == 0 || names.Contains(order.Name, StringComparer.Ordinal)) && conditions.TrueForAll(c => c(order));

    private static DateTimeOffset? Instant(string value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return null;
        }

        return new DateTimeOffset(parsed.Ticks - (parsed.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
