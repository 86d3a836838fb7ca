namespace ErpBridge.Core.Orders;

/// <summary>
/// Store orders held for the ERP. An order is identified by channel + platform order id (its <see cref="OrderKey"/>);
/// each change of its canonical content is a new revision. The ERP takes orders by fetching and acknowledging them
/// (pull) or the bridge pushes them (push); either way a revision the ERP has not taken stays until it is taken.
/// </summary>
public interface IOrderStore
{
    /// <summary>The channel's polling cursor: orders changed before it are stored. Null before the first poll.</summary>
    Task<DateTimeOffset?> GetCursorAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Moves the cursor; called only after every order read up to it is stored.</summary>
    Task SaveCursorAsync(string channel, DateTimeOffset changedSince, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores orders as read from the store, in one transaction: a new order becomes revision 1; a changed canonical
    /// content becomes the next revision and is offered to the ERP again; the same content, or an older state of the
    /// order than the one stored (by the platform's updated time), changes nothing.
    /// </summary>
    Task<OrderUpsertSummary> UpsertAsync(IReadOnlyList<OrderRevision> orders, OrderHandover handover, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> pull orders waiting for the ERP (never fetched, or fetched and not
    /// acknowledged within the visibility timeout), oldest change first, and hides them until
    /// <paramref name="now"/> + <paramref name="visibility"/>.
    /// </summary>
    Task<IReadOnlyList<PendingOrder>> FetchAsync(int max, string? channel, DateTimeOffset now, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Marks orders taken by the ERP, one result per acknowledgement, in its order.</summary>
    Task<IReadOnlyList<AcknowledgeResult>> AcknowledgeAsync(IReadOnlyList<OrderAcknowledgement> acknowledgements, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> push orders of the channel that are due (and those whose claim expired).</summary>
    Task<IReadOnlyList<PendingOrder>> ClaimPushesAsync(string channel, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a push's outcome for the revision that was pushed. A newer revision stays due.</summary>
    Task CompletePushAsync(PushCompletion completion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The stored orders among these ids (reconciliation checks a page of store orders at a time).</summary>
    Task<IReadOnlyList<OrderView>> FindAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken);

    /// <summary>
    /// The channels of the stored orders that carry each of these order numbers (the shop's number, as the canonical
    /// order's OrderNumber): how a shipment finds its store. A number no stored order carries is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ChannelsOfOrderNumbersAsync(IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken);

    /// <summary>Orders for operators, newest change first.</summary>
    Task<IReadOnlyList<OrderView>> ListAsync(string? channel, OrderState? state, int limit, CancellationToken cancellationToken);

    /// <summary>Puts failed pushes back to Pending with a fresh attempt budget; returns how many.</summary>
    Task<int> ResubmitAsync(string? orderId, string? channel, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The channel's orders per state (states without orders left out), each counted over one range of the channel's index.</summary>
    Task<IReadOnlyList<OrderCount>> CountAsync(string channel, CancellationToken cancellationToken);
}

/// <summary>Where a stored order is and what the ERP has of it.</summary>
public enum OrderState
{
    /// <summary>A revision waits for the ERP.</summary>
    Pending,

    /// <summary>Fetched, not yet acknowledged; offered again when the visibility timeout passes.</summary>
    Fetched,

    /// <summary>Being pushed to the ERP by a worker.</summary>
    Pushing,

    /// <summary>The ERP has the current revision.</summary>
    Acknowledged,

    /// <summary>A push was refused or ran out of attempts; an operator resubmits it.</summary>
    Failed,
}

/// <summary>How the ERP takes a channel's orders.</summary>
public enum OrderHandover
{
    /// <summary>The ERP calls FetchOrders and AcknowledgeOrders.</summary>
    Pull,

    /// <summary>The bridge pushes each revision to the ERP's order receiver.</summary>
    Push,
}

/// <summary>What a revision is to the ERP.</summary>
public enum OrderChangeType
{
    /// <summary>The ERP has taken no revision of this order yet.</summary>
    New,

    /// <summary>A change after the ERP took an earlier revision.</summary>
    Update,

    /// <summary>The order was cancelled after the ERP took an earlier revision.</summary>
    Cancellation,
}

/// <summary>The bridge's id of a stored order: <c>{channel}:{platform order id}</c>, unique across channels.</summary>
public static class OrderKey
{
    public static string Of(string channel, string platformOrderId) => $"{channel}:{platformOrderId}";
}

/// <summary>An order as mapped from the store. <paramref name="ContentHash"/> covers the canonical content without its volatile parts.</summary>
public sealed record OrderRevision(
    string Channel,
    string PlatformOrderId,
    string OrderNumber,
    DateTimeOffset PlatformUpdatedAt,
    bool Cancelled,
    string CanonicalXml,
    string ContentHash)
{
    public string OrderId => OrderKey.Of(Channel, PlatformOrderId);
}

public sealed record OrderUpsertSummary(int Created, int Changed, int Unchanged);

/// <summary>A revision handed to the ERP (fetched or claimed for push).</summary>
public sealed record PendingOrder(
    string OrderId,
    string Channel,
    string OrderNumber,
    long Revision,
    OrderChangeType ChangeType,
    string CanonicalXml,
    DateTimeOffset ChangedAt,
    int PushAttempts);

/// <param name="Revision">The revision the ERP took; null means the one it last fetched.</param>
public sealed record OrderAcknowledgement(string OrderId, long? Revision, string ErpDocumentNumber);

public enum AcknowledgeStatus
{
    Acknowledged,

    /// <summary>The ERP had already acknowledged this revision (or a later one): nothing changed.</summary>
    AlreadyAcknowledged,

    /// <summary>Recorded, but the order changed since that revision: the newer revision is offered as an update.</summary>
    Superseded,

    Unknown,
}

public sealed record AcknowledgeResult(string OrderId, AcknowledgeStatus Status, long? CurrentRevision, string? ErpDocumentNumber);

/// <summary>A push's outcome. <paramref name="ErpDocumentNumber"/> is set when the ERP took it; otherwise <paramref name="Error"/>.</summary>
public sealed record PushCompletion(
    string OrderId,
    long Revision,
    string? ErpDocumentNumber,
    string? Error,
    bool Permanent,
    DateTimeOffset? RetryAt);

public sealed record OrderView(
    string OrderId,
    string Channel,
    string OrderNumber,
    long Revision,
    OrderState State,
    OrderHandover Handover,
    long? AcknowledgedRevision,
    string? ErpDocumentNumber,
    DateTimeOffset ChangedAt,
    int PushAttempts,
    string? LastError,
    DateTimeOffset? VisibleAt = null);

public sealed record OrderCount(string Channel, OrderState State, int Count);
