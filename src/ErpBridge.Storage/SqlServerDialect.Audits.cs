namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    public override string SelectSettledDocuments =>
        $"""
        SELECT TOP (@Max) {SettledColumns} FROM dbo.messages m
        WHERE {SettledConditions}
        ORDER BY m.received_at, m.message_id
        """;

    // UPDLOCK, HOLDLOCK: the key stays locked from the check to the insert, so two nodes cannot both insert it.
    public override string InsertIdocAuditIfAbsent =>
        """
        INSERT INTO dbo.idoc_audits (message_id, source_system, endpoint, audit_message_id, idoc_status, document, state, attempts, created_at, next_attempt_at)
        SELECT @MessageId, @SourceSystem, @Endpoint, @AuditMessageId, @IdocStatus, @Document, @State, 0, @Now, @Due
        WHERE NOT EXISTS (SELECT 1 FROM dbo.idoc_audits WITH (UPDLOCK, HOLDLOCK) WHERE message_id = @MessageId)
        """;

    // READPAST skips rows another node holds; UPDLOCK keeps the chosen rows from being taken twice.
    public override string ClaimIdocAudits =>
        """
        WITH due AS (
            SELECT TOP (@Max) * FROM dbo.idoc_audits WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE state IN (N'Pending', N'Sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, message_id)
        UPDATE due SET state = N'Sending', next_attempt_at = @Until
        OUTPUT inserted.message_id AS MessageId, inserted.endpoint AS Endpoint, inserted.audit_message_id AS AuditMessageId,
            inserted.document AS Document, inserted.attempts AS Attempts
        """;
}
