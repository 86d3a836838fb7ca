using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// <c>searchCriteria[filter_groups][g][filters][f][field|value|condition_type]</c>, <c>[pageSize]</c> and
/// <c>[currentPage]</c> from a query string, and <c>searchCriteria[sortOrders][n][field|direction]</c>. Filters of one
/// group are OR-ed, groups are AND-ed. The fields of a product this sandbox can filter on are sku, name, type_id and
/// status; conditions eq, neq, in, nin, like, and the comparisons gt, gteq, lt, lteq (from = gteq, to = lteq), which
/// compare numbers as numbers and everything else, such as Magento's "Y-m-d H:i:s" dates, as text, as MySQL does.
/// The contract's camelCase spelling (<c>filterGroups</c>, <c>conditionType</c>, <c>sortOrders</c>) is read too, as
/// Magento does. A page number or size that is not a whole number is refused with Magento's type error.
/// </summary>
internal sealed partial record SearchCriteria(IReadOnlyList<IReadOnlyList<SearchFilter>> Groups, int? PageSize, int CurrentPage)
{
    public static (SearchCriteria? Criteria, MagentoError? Error) Parse(IQueryCollection query)
    {
        var filters = new SortedDictionary<(int Group, int Filter), Dictionary<string, string>>();
        var sorts = new SortedDictionary<int, Dictionary<string, string>>();
        int? pageSize = null;
        var currentPage = 1;
        foreach (var (name, values) in query)
        {
            var value = values.ToString();
            var match = FilterPart().Match(name);
            if (match.Success)
            {
                var key = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                if (!filters.TryGetValue(key, out var parts))
                {
                    filters[key] = parts = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                parts[match.Groups[3].Value == "conditionType" ? "condition_type" : match.Groups[3].Value] = value;
            }
            else if (SortPart().Match(name) is { Success: true } sort)
            {
                var index = int.Parse(sort.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!sorts.TryGetValue(index, out var parts))
                {
                    sorts[index] = parts = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                parts[sort.Groups[2].Value] = value;
            }
            else if (name is "searchCriteria[pageSize]" or "searchCriteria[page_size]")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    return (null, TypeError(value));
                }

                pageSize = size;
            }
            else if (name is "searchCriteria[currentPage]" or "searchCriteria[current_page]")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
                {
                    return (null, TypeError(value));
                }

                currentPage = Math.Max(page, 1);
            }
        }

        var groups = new List<IReadOnlyList<SearchFilter>>();
        foreach (var group in filters.GroupBy(f => f.Key.Group))
        {
            var list = new List<SearchFilter>();
            foreach (var (_, parts) in group)
            {
                if (!parts.TryGetValue("field", out var field) || field.Length == 0)
                {
                    return (null, MagentoError.Required("field"));
                }

                var condition = parts.GetValueOrDefault("condition_type", "eq");
                if (condition is not ("eq" or "neq" or "in" or "nin" or "like" or "gt" or "gteq" or "lt" or "lteq" or "from" or "to"))
                {
                    return (null, MagentoError.Invalid("condition_type", condition));
                }

                list.Add(new SearchFilter(field, parts.GetValueOrDefault("value", ""), condition));
            }

            groups.Add(list);
        }

        var sortOrders = new List<SearchSort>();
        foreach (var parts in sorts.Values)
        {
            if (!parts.TryGetValue("field", out var field) || field.Length == 0)
            {
                return (null, MagentoError.Required("field"));
            }

            var direction = parts.GetValueOrDefault("direction", "ASC");
            if (!direction.Equals("ASC", StringComparison.OrdinalIgnoreCase) && !direction.Equals("DESC", StringComparison.OrdinalIgnoreCase))
            {
                return (null, MagentoError.Invalid("direction", direction));
            }

            sortOrders.Add(new SearchSort(field, direction.Equals("DESC", StringComparison.OrdinalIgnoreCase)));
        }

        return (new SearchCriteria(groups, pageSize, currentPage) { Sorts = sortOrders }, null);
    }

    /// <summary>The sort orders, first one first; entities equal on all of them keep their id order.</summary>
    public IReadOnlyList<SearchSort> Sorts { get; init; } = [];

    /// <summary>Sorts entities (given in id order) by <see cref="Sorts"/>, reading fields with <paramref name="field"/>.</summary>
    public IReadOnlyList<T> Sort<T>(IReadOnlyList<T> entities, Func<T, string, string?> field)
    {
        if (Sorts.Count == 0)
        {
            return entities;
        }

        var indexed = entities.Select((entity, index) => (entity, index)).ToList();
        indexed.Sort((a, b) =>
        {
            foreach (var sort in Sorts)
            {
                var compared = SearchFilter.Compare(field(a.entity, sort.Field), field(b.entity, sort.Field));
                if (compared != 0)
                {
                    return sort.Descending ? -compared : compared;
                }
            }

            return a.index.CompareTo(b.index);
        });
        return indexed.Select(e => e.entity).ToList();
    }

    /// <summary>The entities of the asked page. A page past the end is the last page again, as Magento answers it.</summary>
    public IEnumerable<T> Page<T>(IReadOnlyList<T> matching)
    {
        if (PageSize is not { } size || size <= 0)
        {
            return matching;
        }

        var lastPage = Math.Max(1, (matching.Count + size - 1) / size);
        return matching.Skip((Math.Min(CurrentPage, lastPage) - 1) * size).Take(size);
    }

    /// <summary>The criteria as Magento echoes them in a search result's <c>search_criteria</c>.</summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("filter_groups");
        foreach (var group in Groups)
        {
            json.WriteStartObject();
            json.WriteStartArray("filters");
            foreach (var filter in group)
            {
                json.WriteStartObject();
                json.WriteString("field", filter.Field);
                json.WriteString("value", filter.Value);
                json.WriteString("condition_type", filter.Condition);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (Sorts.Count > 0)
        {
            json.WriteStartArray("sort_orders");
            foreach (var sort in Sorts)
            {
                json.WriteStartObject();
                json.WriteString("field", sort.Field);
                json.WriteString("direction", sort.Descending ? "DESC" : "ASC");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (PageSize is { } pageSize)
        {
            json.WriteNumber("page_size", pageSize);
        }

        json.WriteNumber("current_page", CurrentPage);
        json.WriteEndObject();
    }

    private static MagentoError TypeError(string value) =>
        new(400, "The \"%1\" value's type is invalid. The \"%2\" type was expected. Verify and try again.", [value, "int"]);

    public bool Matches(MagentoProduct product) => Matches(field => FieldOf(product, field));

    /// <summary>Whether an entity whose fields <paramref name="field"/> reads (null = no such field) matches every group.</summary>
    public bool Matches(Func<string, string?> field) =>
        Groups.All(group => group.Any(filter => filter.Matches(field(filter.Field))));

    private static string? FieldOf(MagentoProduct product, string field) => field switch
    {
        "sku" => product.Sku,
        "name" => product.Name,
        "type_id" => product.TypeId,
        "status" => product.Status.ToString(CultureInfo.InvariantCulture),
        _ => product.CustomAttributes.GetValueOrDefault(field),
    };

    [GeneratedRegex(@"^searchCriteria\[(?:sort_orders|sortOrders)\]\[(\d+)\]\[(field|direction)\]$")]
    private static partial Regex SortPart();

    [GeneratedRegex(@"^searchCriteria\[(?:filter_groups|filterGroups)\]\[(\d+)\]\[filters\]\[(\d+)\]\[(field|value|condition_type|conditionType)\]$")]
    private static partial Regex FilterPart();
}

/// <summary>One filter: a field compared with a value (a comma-separated list for in/nin, % wildcards for like).</summary>
internal sealed record SearchFilter(string Field, string Value, string Condition)
{
    public bool Matches(string? actual)
    {
        if (actual is null)
        {
            return Condition is "neq" or "nin";
        }

        return Condition switch
        {
            "eq" => string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            "neq" => !string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            "in" => List().Contains(actual, StringComparer.OrdinalIgnoreCase),
            "nin" => !List().Contains(actual, StringComparer.OrdinalIgnoreCase),
            "gt" => Compare(actual, Value) > 0,
            "gteq" or "from" => Compare(actual, Value) >= 0,
            "lt" => Compare(actual, Value) < 0,
            "lteq" or "to" => Compare(actual, Value) <= 0,
            _ => Like(actual),
        };
    }

    /// <summary>Numbers as numbers, everything else as ordinal text (Magento's dates sort as text); null first.</summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        return decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(left, right);
    }

    private string[] List() => Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private bool Like(string actual)
    {
        var pattern = "^" + Regex.Escape(Value).Replace("%", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

/// <summary>One sort order: a field, ascending unless <see cref="Descending"/>.</summary>
internal sealed record SearchSort(string Field, bool Descending);
