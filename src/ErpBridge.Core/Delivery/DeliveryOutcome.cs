namespace ErpBridge.Core.Delivery;

/// <summary>What one attempt to execute a request plan on a channel came to. Values, never exceptions.</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>A failure's reason (the platform's own message where it gave one); for anything else, the value itself.</summary>
    public string Describe() => this switch
    {
        TransientFailure t => t.Reason,
        PermanentFailure p => p.Reason,
        _ => ToString(),
    };

    /// <summary>
    /// Every call succeeded. <paramref name="PlatformIds"/> names what the platform created or touched (e.g. "sku:ABC" →
    /// "gid://shopify/InventoryItem/1"). <paramref name="FailedItems"/> are the items of the plan the channel could not
    /// take (an unknown SKU): they were left out of the calls, and the rest went.
    /// </summary>
    public sealed record Delivered(IReadOnlyDictionary<string, string> PlatformIds, string? Detail = null, IReadOnlyList<ItemOutcome>? FailedItems = null) : DeliveryOutcome
    {
        /// <summary>The items left out, never null.</summary>
        public IReadOnlyList<ItemOutcome> ItemFailures => FailedItems ?? [];

        /// <summary>
        /// The ids of the plan's calls the platform confirmed (a call its condition left out, or whose items were all
        /// left out, is not among them); null when the connector does not say.
        /// </summary>
        public IReadOnlyList<string>? SentCalls { get; init; }
    }

    /// <summary>Worth retrying later: 429, 5xx, timeout, connection error. <paramref name="RetryAfter"/> is the platform's own wait, when it said one.</summary>
    public sealed record TransientFailure(string Reason, TimeSpan? RetryAfter = null) : DeliveryOutcome;

    /// <summary>Retrying the same request cannot succeed: validation errors, unknown SKU, 4xx. <paramref name="Reason"/> carries the platform's own message.</summary>
    /// <param name="CredentialsRefused">
    /// The store refused the channel's credentials (401/403): not this request's fault but the channel's, so delivery
    /// pauses the channel and keeps its messages pending instead of failing them; everywhere else it is permanent.
    /// </param>
    public sealed record PermanentFailure(string Reason, bool CredentialsRefused = false) : DeliveryOutcome;
}
