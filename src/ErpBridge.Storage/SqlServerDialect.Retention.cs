namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    public override string SelectDeliveredMessages =>
        $"""
        SELECT TOP (@Max) m.message_id AS MessageId, m.received_at AS ReceivedAt FROM dbo.messages AS m
        WHERE m.received_at >= @AfterAt AND (m.received_at > @AfterAt OR m.message_id > @AfterId)
          AND {DeliveredMessage("m")}
          AND m.message_id NOT IN (SELECT v.message_id FROM dbo.item_versions AS v)
        ORDER BY m.received_at, m.message_id
        """;

    public override string PurgeAcknowledgedOrders => $"DELETE TOP (@Max) FROM dbo.orders WHERE {AcknowledgedOrder}";

    public override string PurgeSentIdocAudits => $"DELETE TOP (@Max) FROM dbo.idoc_audits WHERE {SentIdocAudit}";

    public override string PurgeRunLevels => $"DELETE TOP (@Max) FROM dbo.reconciliation_levels WHERE run_id = @RunId AND {IsOldRun}";

    public override string PurgeRunItems => $"DELETE TOP (@Max) FROM dbo.reconciliation_items WHERE run_id = @RunId AND {IsOldRun}";
}
