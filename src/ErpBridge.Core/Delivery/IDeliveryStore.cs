using ErpBridge.Core.Messages;
using ErpBridge.Core.Status;

namespace ErpBridge.Core.Delivery;

/// <summary>
/// Durable delivery state. Claims are leases: a worker that dies leaves its claims to expire, and another worker
/// takes them again. Completing is guarded by the claim, so a worker whose lease ran out cannot overwrite the outcome
/// of the worker that took the delivery over.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Takes the channel for this worker (or renews it) unless another worker holds an unexpired lease on it.
    /// One worker at a time delivers a channel, so that per-key ordering holds across nodes.
    /// </summary>
    Task<bool> TryLeaseChannelAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseChannelAsync(string channel, string worker, CancellationToken cancellationToken);

    /// <summary>
    /// The heartbeat of a run: renews this worker's unexpired lease on the channel, and with it this worker's claims on
    /// the channel's deliveries, until <paramref name="now"/> + <paramref name="duration"/>. False when the lease has
    /// expired or another worker holds it: nothing is renewed then, and the worker must stop sending.
    /// </summary>
    Task<bool> RenewChannelLeaseAsync(string channel, string worker, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries of the channel (and those whose claim expired), oldest first.
    /// A claim counts as an attempt, and as an unfinished claim until its outcome is recorded, so that a process that
    /// dies under a delivery has spent an attempt on it (see <see cref="ClaimedDelivery.UnfinishedClaims"/>).
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string channel, string worker, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Gives claims of this worker back uncounted (the attempt and the unfinished claim undone), due at once: they
    /// were claimed together with a delivery the process stopped under, which goes alone first. Returns how many.
    /// </summary>
    Task<int> ReleaseClaimsAsync(string channel, string worker, IReadOnlyCollection<long> deliveryIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The newest version of each item key delivered on the channel so far.</summary>
    Task<IReadOnlyDictionary<string, ItemVersion>> GetItemVersionsAsync(string channel, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcomes of claimed deliveries, their audit rows and the item versions they delivered, in one
    /// transaction. Outcomes for deliveries this worker no longer holds are ignored; returns how many were recorded.
    /// </summary>
    Task<int> CompleteAsync(string channel, string worker, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string? channel, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up on failed deliveries (matching <paramref name="messageId"/> / <paramref name="channel"/>, null = any)
    /// and on failed items of delivered messages (also matching <paramref name="item"/>): they end Discarded, audited
    /// with <paramref name="detail"/>, and are never sent. The count is deliveries and items discarded.
    /// </summary>
    Task<int> DiscardAsync(string? messageId, string? channel, string? item, string detail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts failed deliveries back to Pending with a fresh attempt budget. Filters by message and/or channel; returns how many.</summary>
    Task<int> ResubmitAsync(string? messageId, string? channel, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Puts failed items of delivered messages back: their delivery goes to Pending and sends only those items again
    /// (still leaving out any a newer message has delivered since). Filters by message, channel and item key (null =
    /// any); returns how many items.
    /// </summary>
    Task<int> ResubmitItemsAsync(string? messageId, string? channel, string? item, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The items each delivery of the channel is to send alone (a resubmit of failed items), by delivery id.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> GetResentItemsAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Every status change of the message's deliveries, oldest first.</summary>
    Task<IReadOnlyList<AttemptView>> GetHistoryAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>How many deliveries each channel has in each status (for operators, progress and benchmarks).</summary>
    Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken);

    /// <summary>How many items each channel has skipped, failed, or waiting to be sent again.</summary>
    Task<IReadOnlyList<ItemCount>> CountItemsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Pauses the channel, or updates its pause. A pause for refused credentials never replaces an operator's pause
    /// (the operator's stays until the operator resumes); an operator's pause replaces any. Updating keeps the time
    /// the pause began.
    /// </summary>
    Task PauseChannelAsync(ChannelPause pause, CancellationToken cancellationToken);

    /// <summary>
    /// Lifts the channel's pause: any pause when <paramref name="by"/> is <see cref="PauseKind.Operator"/>, only a
    /// pause for refused credentials otherwise. Returns whether a pause was lifted.
    /// </summary>
    Task<bool> ResumeChannelAsync(string channel, PauseKind by, CancellationToken cancellationToken);

    /// <summary>The channel's pause, or null when it delivers.</summary>
    Task<ChannelPause?> GetPauseAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Every paused channel.</summary>
    Task<IReadOnlyList<ChannelPause>> ListPausesAsync(CancellationToken cancellationToken);
}

/// <summary>A delivery as claimed, with the message it carries.</summary>
/// <param name="Attempts">Attempts made before this claim (the store has counted this one already).</param>
/// <param name="UnfinishedClaims">Claims before this one that ended without an outcome: each time the process stopped under it.</param>
/// <param name="RetryFrom">When its retries began (acceptance or the last resubmit); transient failures are retried until MaxRetryAge after it.</param>
/// <param name="Canonical">A raw document's canonical message as mapped at the door; null for canonical messages and for documents stored before the door mapped them.</param>
public sealed record ClaimedDelivery(
    long DeliveryId,
    string MessageId,
    string Channel,
    int Attempts,
    MessageType Type,
    string? DocumentType,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    string Payload,
    int UnfinishedClaims = 0,
    DateTimeOffset? RetryFrom = null,
    string? Canonical = null)
{
    public ItemVersion Version => new(SentAt, ReceivedAt, MessageId);
}

/// <summary>
/// The ERP's order of two states of one item: sent later wins; the same SentAt is ordered by arrival.
/// </summary>
public sealed record ItemVersion(DateTimeOffset SentAt, DateTimeOffset ReceivedAt, string MessageId) : IComparable<ItemVersion>
{
    public int CompareTo(ItemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySent = SentAt.CompareTo(other.SentAt);
        return bySent != 0 ? bySent : ReceivedAt.CompareTo(other.ReceivedAt);
    }

    public bool IsNewerThan(ItemVersion other) => CompareTo(other) > 0;
}

/// <summary>
/// The outcome of one claimed delivery. <paramref name="DeliveredKeys"/> are the item keys now on the platform at this
/// version; <paramref name="Items"/> the items skipped or failed on their own (recorded when the delivery is settled).
/// </summary>
public sealed record DeliveryResult(
    long DeliveryId,
    string MessageId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string Detail,
    ItemVersion Version,
    IReadOnlyList<string> DeliveredKeys,
    IReadOnlyList<ItemOutcome>? Items = null)
{
    /// <summary>Set when the outcome means the channel must pause (the store refused its credentials): the reason.</summary>
    public string? PausesChannel { get; init; }
}

public sealed record DeliveryCount(string Channel, DeliveryStatus Status, long Count);

/// <summary>A failed delivery, or (with <paramref name="Item"/>) one failed item of a message otherwise delivered.</summary>
public sealed record DeadLetter(long DeliveryId, string MessageId, string Channel, MessageType Type, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError, string? Item = null);

/// <summary>One status change of one delivery: the attempt's outcome and its detail (platform ids, the platform's error).</summary>
public sealed record AttemptView(string Channel, DeliveryStatus? From, DeliveryStatus To, DateTimeOffset At, string? Detail);
