using ErpBridge.Core.Orders;

namespace ErpBridge.Storage;

/// <summary>The order statements (migration 0003). What differs per database: claims (RETURNING / OUTPUT with
/// READPAST), the cursor upsert, row limits and lock hints.</summary>
public abstract partial class SqlDialect
{
    protected string PendingOrderColumns =>
        $"""
        order_id AS OrderId, channel AS Channel, order_number AS OrderNumber, revision AS Revision,
        CASE WHEN acknowledged_revision IS NULL THEN 'New' WHEN {IsSet("cancelled")} THEN 'Cancellation' ELSE 'Update' END AS ChangeType,
        canonical_xml AS CanonicalXml, changed_at AS ChangedAt, push_attempts AS PushAttempts
        """;

    /// <summary>The condition that a flag column is set: 0/1 numbers where the database has no boolean type.</summary>
    protected virtual string IsSet(string column) => $"{column} <> 0";

    protected const string OrderViewColumns =
        """
        order_id AS OrderId, channel AS Channel, order_number AS OrderNumber, revision AS Revision, state AS State,
        handover AS Handover, acknowledged_revision AS AcknowledgedRevision, erp_document_number AS ErpDocumentNumber,
        changed_at AS ChangedAt, push_attempts AS PushAttempts, last_error AS LastError, visible_at AS VisibleAt
        """;

    public virtual string SelectOrderCursor => $"SELECT changed_since FROM {Table("order_cursors")} WHERE channel = @Channel";

    /// <summary>Sets @Channel's cursor to @ChangedSince, polled at @Now.</summary>
    public abstract string SaveOrderCursor { get; }

    /// <summary>
    /// Taken in the upsert's transaction before order @OrderId is looked up, so that two nodes storing the same new order
    /// take turns instead of both finding none and both inserting it; null where that cannot happen (SQLite writes one
    /// transaction at a time; on SQL Server the look-up itself holds the key's range).
    /// </summary>
    public virtual string? LockOrderForUpsert => null;

    /// <summary>The stored state of order @OrderId that an upsert compares with (locked for the transaction where the database needs it).</summary>
    public virtual string SelectOrderForUpsert =>
        $"""
        SELECT content_hash AS ContentHash, platform_updated_at AS PlatformUpdatedAt
        FROM {Table("orders")} WHERE order_id = @OrderId
        """;

    public virtual string InsertOrder =>
        $"""
        INSERT INTO {Table("orders")} (order_id, channel, platform_order_id, order_number, revision, content_hash, cancelled,
            canonical_xml, platform_updated_at, first_seen_at, changed_at, handover, state, push_attempts, next_push_at)
        VALUES (@OrderId, @Channel, @PlatformOrderId, @OrderNumber, 1, @ContentHash, @Cancelled,
            @CanonicalXml, @PlatformUpdatedAt, @Now, @Now, @Handover, 'Pending', 0, @Due)
        """;

    /// <summary>
    /// The next revision of @OrderId. An order in the ERP's hands (fetched or being pushed, not yet timed out) stays
    /// there: its acknowledgement or push outcome then finds the newer revision and leaves it pending as an update.
    /// </summary>
    public virtual string UpdateOrderRevision =>
        $"""
        UPDATE {Table("orders")} SET revision = revision + 1, content_hash = @ContentHash, cancelled = @Cancelled,
            canonical_xml = @CanonicalXml, order_number = @OrderNumber, platform_updated_at = @PlatformUpdatedAt,
            changed_at = @Now, handover = @Handover,
            state = CASE WHEN state IN ('Fetched', 'Pushing') AND visible_at > @Due THEN state ELSE 'Pending' END,
            push_attempts = 0, next_push_at = @Due, last_error = NULL
        WHERE order_id = @OrderId
        """;

    /// <summary>Same content read again: only the platform's updated time moves forward.</summary>
    public virtual string TouchOrder =>
        $"UPDATE {Table("orders")} SET platform_updated_at = @PlatformUpdatedAt WHERE order_id = @OrderId AND platform_updated_at < @PlatformUpdatedAt";

    /// <summary>Hides up to @Max waiting pull orders (@Channel or any) until @Until and returns them.</summary>
    public abstract string FetchOrders { get; }

    /// <summary>Marks up to @Max due push orders of @Channel Pushing until @Until and returns them.</summary>
    public abstract string ClaimOrderPushes { get; }

    public virtual string SelectOrderForAcknowledge =>
        $"""
        SELECT revision AS Revision, fetched_revision AS FetchedRevision, acknowledged_revision AS AcknowledgedRevision,
               erp_document_number AS ErpDocumentNumber
        FROM {Table("orders")} WHERE order_id = @OrderId
        """;

    /// <summary>The ERP took revision @AcknowledgedRevision as @ErpDocumentNumber; @State is Acknowledged when that is the current revision.</summary>
    public virtual string AcknowledgeOrder =>
        $"""
        UPDATE {Table("orders")} SET acknowledged_revision = @AcknowledgedRevision, erp_document_number = @ErpDocumentNumber,
            acknowledged_at = @Now, state = @State, visible_at = NULL, last_error = NULL, push_attempts = 0, next_push_at = @Now
        WHERE order_id = @OrderId
        """;

    /// <summary>A failed push of revision @Revision: @State (Pending with @RetryAt, or Failed) when it is still the current revision, else the newer one is due now.</summary>
    public virtual string FailOrderPush =>
        $"""
        UPDATE {Table("orders")} SET
            state = CASE WHEN revision = @Revision THEN @State ELSE 'Pending' END,
            push_attempts = CASE WHEN revision = @Revision THEN push_attempts + 1 ELSE 0 END,
            next_push_at = CASE WHEN revision = @Revision THEN @RetryAt ELSE @Now END,
            last_error = @Error, visible_at = NULL
        WHERE order_id = @OrderId AND state = 'Pushing'
        """;

    public abstract string ListOrders { get; }

    public virtual string FindOrders =>
        $"SELECT {OrderViewColumns} FROM {Table("orders")} WHERE order_id IN (SELECT value FROM {JsonValues("@Ids")})";

    /// <summary>The channels of the orders carrying the order numbers of the JSON array @Numbers (see migration 0008's index).</summary>
    public virtual string SelectOrderNumberChannels =>
        $"SELECT DISTINCT order_number AS OrderNumber, channel AS Channel FROM {Table("orders")} WHERE order_number IN (SELECT value FROM {JsonValues("@Numbers")})";

    public virtual string ResubmitOrders =>
        $"""
        UPDATE {Table("orders")} SET state = 'Pending', push_attempts = 0, next_push_at = @Now, last_error = NULL
        WHERE state = 'Failed' AND (@OrderId IS NULL OR order_id = @OrderId) AND (@Channel IS NULL OR channel = @Channel)
        """;

    /// <summary>Per state (State, Count), the orders of @Channel: one range of ix_orders_channel each, never the whole table.</summary>
    public virtual string CountOrders => string.Join(
        "\nUNION ALL\n",
        Enum.GetNames<OrderState>().Select(s => $"SELECT '{s}' AS State, (SELECT COUNT(*) FROM {Table("orders")} WHERE channel = @Channel AND state = '{s}') AS Count"));

    private IEnumerable<(string Name, string Sql)> OrderStatements()
    {
        yield return (nameof(SelectOrderCursor), SelectOrderCursor);
        yield return (nameof(SaveOrderCursor), SaveOrderCursor);
        if (LockOrderForUpsert is { } lockOrder)
        {
            yield return (nameof(LockOrderForUpsert), lockOrder);
        }

        yield return (nameof(SelectOrderForUpsert), SelectOrderForUpsert);
        yield return (nameof(InsertOrder), InsertOrder);
        yield return (nameof(UpdateOrderRevision), UpdateOrderRevision);
        yield return (nameof(TouchOrder), TouchOrder);
        yield return (nameof(FetchOrders), FetchOrders);
        yield return (nameof(ClaimOrderPushes), ClaimOrderPushes);
        yield return (nameof(SelectOrderForAcknowledge), SelectOrderForAcknowledge);
        yield return (nameof(AcknowledgeOrder), AcknowledgeOrder);
        yield return (nameof(FailOrderPush), FailOrderPush);
        yield return (nameof(ListOrders), ListOrders);
        yield return (nameof(FindOrders), FindOrders);
        yield return (nameof(SelectOrderNumberChannels), SelectOrderNumberChannels);
        yield return (nameof(ResubmitOrders), ResubmitOrders);
        yield return (nameof(CountOrders), CountOrders);
    }
}
