namespace ErpBridge.Storage;

/// <summary>
/// The statements of failures per item (migration 0007): items of a delivery skipped or failed on their own, failed
/// items as dead letters, and their resubmit. Item rows are written before the completion they belong to and under
/// the same claim guard, so that a worker whose claim was taken over writes none.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// For the settled deliveries of the JSON array @Settled (ids) this worker (@Worker) still holds: drops the items a
    /// resubmit had them send again, or, after a whole attempt, every item row; then records the items of the JSON
    /// array @Rows (d delivery, k key, s state, r reason) at @Now.
    /// </summary>
    public abstract string RecordDeliveryItems { get; }

    public virtual string SelectResentItems =>
        $"SELECT delivery_id AS DeliveryId, item_key AS ItemKey FROM {Table("delivery_items")} WHERE state = 'Resend' AND channel = @Channel";

    /// <summary>
    /// Failed items of @Channel (null = any), oldest delivery first, at most @Limit: those of delivered messages, and
    /// those left behind by a resubmit of other items of their message. A delivery that failed as a whole is a dead
    /// letter of its own (see SelectDeadLetters), not item by item.
    /// </summary>
    public virtual string SelectDeadItems =>
        $"""
        SELECT i.delivery_id AS DeliveryId, d.message_id AS MessageId, d.channel AS Channel, m.message_type AS MessageType,
               d.attempts AS Attempts, i.at AS LastAttemptAt, i.reason AS LastError, i.item_key AS Item
        FROM {Table("delivery_items")} AS i JOIN {Table("deliveries")} AS d ON d.delivery_id = i.delivery_id JOIN {Table("messages")} AS m ON m.message_id = d.message_id
        WHERE i.state = 'Failed' AND (@Channel IS NULL OR i.channel = @Channel)
          AND (d.status = 'Delivered' OR EXISTS (SELECT 1 FROM {Table("delivery_items")} AS r WHERE r.delivery_id = i.delivery_id AND r.state = 'Resend'))
        ORDER BY i.delivery_id, i.item_key LIMIT @Limit
        """;

    /// <summary>Audits the delivered deliveries whose failed items match @MessageId / @Channel / @Item (null = any) as going back to Pending.</summary>
    public virtual string AuditItemResubmit =>
        $"""
        INSERT INTO {Table("delivery_audit")} (delivery_id, message_id, channel, from_status, to_status, at, detail)
        SELECT delivery_id, message_id, channel, status, 'Pending', @Now, 'failed items resubmitted by an operator'
        FROM {Table("deliveries")}
        WHERE status = 'Delivered' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel)
          AND delivery_id IN (SELECT delivery_id FROM {Table("delivery_items")} WHERE state = 'Failed' AND (@Item IS NULL OR item_key = @Item))
        """;

    /// <summary>Marks the matching failed items of delivered deliveries to be sent again; the count is the items resubmitted.</summary>
    public virtual string MarkItemsResent =>
        $"""
        UPDATE {Table("delivery_items")} SET state = 'Resend', at = @Now
        WHERE state = 'Failed' AND (@Item IS NULL OR item_key = @Item)
          AND delivery_id IN (SELECT delivery_id FROM {Table("deliveries")}
                              WHERE status = 'Delivered' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel))
        """;

    /// <summary>Puts delivered deliveries with items to send again back to Pending with a fresh attempt budget.</summary>
    public virtual string PendResentDeliveries =>
        $"""
        UPDATE {Table("deliveries")} SET status = 'Pending', attempts = 0, unfinished_claims = 0, retry_from = @Now, next_attempt_at = @Now, claimed_by = NULL, claimed_until = NULL
        WHERE status = 'Delivered' AND delivery_id IN (SELECT delivery_id FROM {Table("delivery_items")} WHERE state = 'Resend')
        """;

    /// <summary>A whole resubmit of failed deliveries (matching @MessageId / @Channel) sends every item again: their item rows go.</summary>
    public virtual string ForgetItemsOfFailed =>
        $"""
        DELETE FROM {Table("delivery_items")}
        WHERE delivery_id IN (SELECT delivery_id FROM {Table("deliveries")}
                              WHERE status = 'Failed' AND (@MessageId IS NULL OR {OfMessage}) AND (@Channel IS NULL OR channel = @Channel))
        """;

    /// <summary>The items of message @MessageId skipped or failed on any channel.</summary>
    public virtual string SelectMessageItems =>
        $"""
        SELECT channel AS Channel, item_key AS ItemKey, state AS State, reason AS Reason, at AS At
        FROM {Table("delivery_items")}
        WHERE delivery_id IN (SELECT delivery_id FROM {Table("deliveries")} WHERE {OfMessage})
        ORDER BY channel, item_key
        """;

    public virtual string CountDeliveryItems =>
        $"SELECT channel AS Channel, state AS State, COUNT(*) AS Count FROM {Table("delivery_items")} GROUP BY channel, state ORDER BY channel, state";

    private IEnumerable<(string Name, string Sql)> ItemStatements()
    {
        yield return (nameof(RecordDeliveryItems), RecordDeliveryItems);
        yield return (nameof(SelectResentItems), SelectResentItems);
        yield return (nameof(SelectDeadItems), SelectDeadItems);
        yield return (nameof(AuditItemResubmit), AuditItemResubmit);
        yield return (nameof(MarkItemsResent), MarkItemsResent);
        yield return (nameof(PendResentDeliveries), PendResentDeliveries);
        yield return (nameof(ForgetItemsOfFailed), ForgetItemsOfFailed);
        yield return (nameof(SelectMessageItems), SelectMessageItems);
        yield return (nameof(CountDeliveryItems), CountDeliveryItems);
    }
}
