using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// <c>searchCriteria[filter_groups][g][filters][f][field|value|condition_type]</c>, <c>[pageSize]</c> and
/// <c>[currentPage]</c> from a query string. Filters of one group are OR-ed, groups are AND-ed. The fields of a
/// product this sandbox can filter on are sku, name, type_id and status; conditions eq, neq, in, nin, like. The contract's
/// camelCase spelling (<c>filterGroups</c>, <c>conditionType</c>) is read too, as Magento does.
/// </summary>
internal sealed partial record SearchCriteria(IReadOnlyList<IReadOnlyList<SearchFilter>> Groups, int? PageSize, int CurrentPage)
{
    public static (SearchCriteria? Criteria, MagentoError? Error) Parse(IQueryCollection query)
    {
        var filters = new SortedDictionary<(int Group, int Filter), Dictionary<string, string>>();
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
            else if (name == "searchCriteria[pageSize]" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                pageSize = size;
            }
            else if (name == "searchCriteria[currentPage]" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0)
            {
                currentPage = page;
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
                if (condition is not ("eq" or "neq" or "in" or "nin" or "like"))
                {
                    return (null, MagentoError.Invalid("condition_type", condition));
                }

                list.Add(new SearchFilter(field, parts.GetValueOrDefault("value", ""), condition));
            }

            groups.Add(list);
        }

        return (new SearchCriteria(groups, pageSize, currentPage), null);
    }

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
            _ => Like(actual),
        };
    }

    private string[] List() => Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private bool Like(string actual)
    {
        var pattern = "^" + Regex.Escape(Value).Replace("%", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
