namespace ErpBridge.Connectors.Http;

/// <summary>The requests one plan call makes; or why it is skipped (its condition), or why it cannot be sent (a missing reference).</summary>
internal sealed record PlannedCall(IReadOnlyList<PlannedRequest> Requests, string? SkipReason, string? Missing)
{
    public static PlannedCall Of(params PlannedRequest[] requests) => new(requests, null, null);

    public static PlannedCall Skipped(string reason) => new([], reason, null);

    public static PlannedCall Unresolved(string missing) => new([], null, missing);
}
