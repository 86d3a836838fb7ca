using ErpBridge.Mapping.Plans;

namespace ErpBridge.Connectors;

/// <summary>
/// Every reference a plan names (in bodies, conditions and path parameters), and those a call cannot be sent without
/// (path parameters, and body references whose plan says a missing one fails the delivery). A connector looks the
/// wanted ones up; a remembered "not found" is dropped for the required ones first, so that a SKU created after a
/// failure is found when the operator resubmits.
/// </summary>
internal sealed record PlanReferences(IReadOnlySet<ReferenceKey> Wanted, IReadOnlySet<ReferenceKey> Required)
{
    public static PlanReferences Of(RequestPlan plan)
    {
        var wanted = new HashSet<ReferenceKey>();
        var required = new HashSet<ReferenceKey>();
        foreach (var call in plan.Calls)
        {
            if (call.Body is not null)
            {
                foreach (var reference in PlanReference.Collect(call.Body))
                {
                    var key = new ReferenceKey(reference.Kind, reference.Key);
                    wanted.Add(key);
                    if (reference.Missing == MissingReference.Fail)
                    {
                        required.Add(key);
                    }
                }
            }

            if (call.Condition is { } condition)
            {
                wanted.Add(new ReferenceKey(condition.Kind, condition.Key));
            }

            foreach (var parameter in call.PathParameters)
            {
                wanted.Add(new ReferenceKey(parameter.Kind, parameter.Key));
                required.Add(new ReferenceKey(parameter.Kind, parameter.Key));
            }
        }

        return new PlanReferences(wanted, required);
    }
}
