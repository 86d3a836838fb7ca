using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Http;

/// <summary>Adds to a failure's reason where it happened (which call of the plan, which look-up).</summary>
internal static class FailureContext
{
    /// <summary>The failure with " (<paramref name="where"/>[; n earlier request(s) of the plan succeeded])" appended.</summary>
    public static DeliveryOutcome Add(DeliveryOutcome failure, string where, int sent = 0)
    {
        var context = sent > 0 ? $" ({where}; {sent} earlier request(s) of the plan succeeded)" : $" ({where})";
        return failure switch
        {
            DeliveryOutcome.TransientFailure transient => transient with { Reason = transient.Reason + context },
            DeliveryOutcome.PermanentFailure permanent => permanent with { Reason = permanent.Reason + context },
            _ => failure,
        };
    }
}
