using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// The query of <c>GET v2/orders</c> the sandbox understands: the date and id filters, <c>status_id</c>,
/// <c>sort=field[:asc|:desc]</c> (default id ascending), <c>page</c> (from 1) and <c>limit</c> (1 to 250, default 50).
/// A value it cannot read is refused with v2's 400, naming the field; parameters it does not know are ignored.
/// </summary>
internal sealed record OrderListQuery(Func<SandboxOrder, bool> Include, OrderSort Sort, int Page, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    private static readonly Dictionary<string, Func<SandboxOrder, IComparable>> SortKeys = new(StringComparer.Ordinal)
    {
        ["id"] = o => o.Id,
        ["customer_id"] = o => o.CustomerId,
        ["date_created"] = o => o.DateCreated,
        ["date_modified"] = o => o.DateModified,
        ["status_id"] = o => o.StatusId,
        ["channel_id"] = _ => 1,
        ["external_id"] = _ => "",
    };

    public static (OrderListQuery? Query, string? Problem) Read(IQueryCollection query)
    {
        var filters = new List<Func<SandboxOrder, bool>>();
        foreach (var (name, select, atLeast) in new (string, Func<SandboxOrder, DateTimeOffset>, bool)[]
                 {
                     ("min_date_modified", o => o.DateModified, true), ("max_date_modified", o => o.DateModified, false),
                     ("min_date_created", o => o.DateCreated, true), ("max_date_created", o => o.DateCreated, false),
                 })
        {
            if (!query.TryGetValue(name, out var text))
            {
                continue;
            }

            if (!BigCommerceDates.TryParse(text.ToString(), out var bound))
            {
                return (null, $"The field '{name}' is invalid: '{text}' is not an RFC 2822 or ISO 8601 date.");
            }

            filters.Add(atLeast ? o => select(o) >= bound : o => select(o) <= bound);
        }

        foreach (var (name, test) in new (string, Func<SandboxOrder, int, bool>)[]
                 {
                     ("min_id", (o, n) => o.Id >= n), ("max_id", (o, n) => o.Id <= n), ("status_id", (o, n) => o.StatusId == n),
                 })
        {
            if (!query.TryGetValue(name, out var text))
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return (null, $"The field '{name}' is invalid: '{text}' is not a whole number.");
            }

            filters.Add(o => test(o, number));
        }

        var sort = new OrderSort(o => o.Id, Descending: false);
        if (query.TryGetValue("sort", out var sortText))
        {
            var parts = sortText.ToString().Split(':');
            if (parts.Length > 2 || !SortKeys.TryGetValue(parts[0], out var key) || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
            {
                return (null, $"The field 'sort' is invalid: '{sortText}'. Sort by one of {string.Join(", ", SortKeys.Keys)}, optionally with :asc or :desc.");
            }

            sort = new OrderSort(key, Descending: parts.Length == 2 && parts[1] == "desc");
        }

        var page = 1;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, $"The field 'page' is invalid: '{pageText}'. Pages start at 1.");
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return (null, $"The field 'limit' is invalid: '{limitText}'. The limit is 1 to {MaxLimit}.");
        }

        return (new OrderListQuery(o => filters.TrueForAll(f => f(o)), sort, page, limit), null);
    }
}
