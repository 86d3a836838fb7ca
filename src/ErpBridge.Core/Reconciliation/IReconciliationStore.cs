namespace ErpBridge.Core.Reconciliation;

/// <summary>
/// Reconciliation runs and what they found. A run works in phases, each resumable: the store's stock is read page by
/// page (each page stored with the token of the next), the ERP's view is built from the messages last delivered
/// (and those still in flight), the two are compared in the database, orders are checked, drift is healed.
/// Nothing of a channel's stock is held in memory.
/// </summary>
public interface IReconciliationStore
{
    /// <summary>Starts a run for the channel, or returns the one still running (a channel has one run at a time).</summary>
    Task<(ReconciliationRun Run, bool Started)> StartAsync(string channel, string trigger, bool heal, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ReconciliationRun?> GetAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The newest run (of the channel, or of any channel).</summary>
    Task<ReconciliationRun?> LatestAsync(string? channel, CancellationToken cancellationToken);

    /// <summary>Runs left Running by a process that stopped, to be resumed.</summary>
    Task<IReadOnlyList<ReconciliationRun>> RunningAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a page of the store's levels and the token of the next page, in one transaction. A page the platform
    /// was not ready to give (<paramref name="ready"/> false: a bulk operation still running) only moves the token.
    /// </summary>
    Task SaveStorePageAsync(long runId, IReadOnlyList<ReconciledLevel> levels, string? nextPageToken, bool last, CancellationToken cancellationToken, bool ready = true);

    /// <summary>
    /// The channel's delivered stock items with the message that carries each one's newest version, ordered by message,
    /// so that a caller reads each message once and holds one message's items at a time.
    /// </summary>
    IAsyncEnumerable<(string MessageId, string ItemKey)> DeliveredStockVersionsAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Stock messages of the channel not delivered yet (pending, retrying, in progress, failed), oldest first.</summary>
    IAsyncEnumerable<UndeliveredStock> UndeliveredStockAsync(string channel, CancellationToken cancellationToken);

    /// <summary>
    /// The message's canonical XML (a raw document's as mapped at the door) with a null document type; for a raw document
    /// stored before the door mapped documents, the stored request with its document type.
    /// </summary>
    Task<(string Payload, string? DocumentType)> PayloadAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Adds ERP levels (delivered) of the run.</summary>
    Task SaveErpLevelsAsync(long runId, IReadOnlyList<ReconciledLevel> levels, CancellationToken cancellationToken);

    /// <summary>Adds levels still in flight; a later one of the same item replaces an earlier one.</summary>
    Task SaveInFlightAsync(long runId, IReadOnlyList<ReconciledLevel> levels, CancellationToken cancellationToken);

    /// <summary>Compares the run's ERP and store levels into its items (one set-based statement per class).</summary>
    Task CompareAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Adds order findings (orders not stored, not taken by the ERP).</summary>
    Task SaveOrderFindingsAsync(long runId, IReadOnlyList<OrderFinding> findings, CancellationToken cancellationToken);

    Task SetPhaseAsync(long runId, ReconciliationPhase phase, CancellationToken cancellationToken);

    /// <summary>Drift rows not healed yet, in item order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReconciliationItem>> UnhealedDriftAsync(long runId, int max, CancellationToken cancellationToken);

    Task MarkHealedAsync(long runId, IReadOnlyList<string> itemKeys, string messageId, CancellationToken cancellationToken);

    Task FinishAsync(long runId, ReconciliationStatus status, string? error, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClassCount>> CountsAsync(long runId, CancellationToken cancellationToken);

    /// <summary>How many findings of the run corrective messages were queued for.</summary>
    Task<long> HealedCountAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The run's items, in item order, a page at a time (after <paramref name="afterKey"/>), optionally one class only.</summary>
    Task<IReadOnlyList<ReconciliationItem>> ItemsAsync(long runId, ReconciliationClass? onlyClass, string? afterKey, int max, CancellationToken cancellationToken);
}

public enum ReconciliationStatus
{
    Running,
    Completed,
    Failed,
}

public enum ReconciliationPhase
{
    ReadingStore,
    BuildingErpView,
    Comparing,
    CheckingOrders,
    Healing,
    Done,
}

public enum ReconciliationClass
{
    Match,

    /// <summary>The store's quantity differs from the ERP's last reported one.</summary>
    Drift,

    /// <summary>The ERP reported the SKU at the location; the store does not have it there.</summary>
    MissingOnStore,

    /// <summary>The store has the SKU at the location; the ERP never reported it for this channel.</summary>
    UnknownToErp,

    /// <summary>A newer ERP level is still being delivered (or was dead-lettered); the store does not show it yet.</summary>
    InFlight,

    /// <summary>A store order in the window that the bridge has not stored.</summary>
    OrderNotStored,

    /// <summary>A stored order the ERP has not taken (not fetched and acknowledged, or not pushed).</summary>
    OrderNotTaken,
}

public sealed record ReconciliationRun(
    long RunId,
    string Channel,
    ReconciliationStatus Status,
    ReconciliationPhase Phase,
    string Trigger,
    bool Heal,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? PageToken,
    int Pages,
    long LevelsRead,
    string? Error);

/// <summary>A stock level keyed like item versions: <c>inv:{Sku}@{Location}</c>.</summary>
public sealed record ReconciledLevel(string Sku, string Location, long Quantity, string? MessageId = null, string? Detail = null)
{
    public string ItemKey => $"inv:{Sku}@{Location}";
}

public sealed record OrderFinding(string OrderKey, string OrderNumber, ReconciliationClass Class, string Detail);

public sealed record ReconciliationItem(
    string ItemKey,
    ReconciliationClass Class,
    string? Sku,
    string? Location,
    long? ErpQuantity,
    long? StoreQuantity,
    string? Detail,
    string? HealedBy);

public sealed record UndeliveredStock(string MessageId, string Status, DateTimeOffset SentAt);

public sealed record ClassCount(ReconciliationClass Class, long Count);
