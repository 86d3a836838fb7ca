using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// Makes a plan call one request with resolved ids: its condition judged on the ids as they were before the plan ran,
/// its path parameters and body references filled from the ids known now, its query encoded as the platform writes it.
/// </summary>
internal static class PlanCallBuilder
{
    public static PlannedCall Build(
        PlanCall call,
        IReadOnlyDictionary<ReferenceKey, string?> initial,
        IReadOnlyDictionary<ReferenceKey, string?> live,
        Func<ReferenceKey, string> notFound,
        Func<string, string> escapeQueryName,
        Func<string, string> escapeQueryValue)
    {
        if (call.Condition is { } condition)
        {
            var found = initial.GetValueOrDefault(new ReferenceKey(condition.Kind, condition.Key)) is not null;
            if (found != condition.Found)
            {
                return PlannedCall.Skipped($"condition: {condition.Kind} '{condition.Key}' is {(found ? "found" : "missing")}");
            }
        }

        var path = call.Path;
        foreach (var parameter in call.PathParameters)
        {
            var key = new ReferenceKey(parameter.Kind, parameter.Key);
            if (live.GetValueOrDefault(key) is not { } id)
            {
                return PlannedCall.Unresolved(notFound(key));
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        }

        if (call.Query.Count > 0)
        {
            path += "?" + string.Join("&", call.Query.Select(q => $"{escapeQueryName(q.Key)}={escapeQueryValue(q.Value)}"));
        }

        if (call.Body is null)
        {
            return PlannedCall.Of(new PlannedRequest(path, null));
        }

        var (applied, unresolved) = PlanReference.Apply(call.Body, r => live.GetValueOrDefault(new ReferenceKey(r.Kind, r.Key)));
        return unresolved is not null
            ? PlannedCall.Unresolved(notFound(new ReferenceKey(unresolved.Kind, unresolved.Key)))
            : PlannedCall.Of(new PlannedRequest(path, JsonXml.ToJsonUtf8(applied!)));
    }
}
