namespace ErpBridge.Storage;

/// <summary>The console's statements that limit rows, in T-SQL.</summary>
public sealed partial class SqlServerDialect
{
    public override string SelectOperatorActions =>
        $"""
        SELECT TOP (@Limit) {OperatorActionColumns} FROM dbo.operator_actions
        WHERE (@MessageId IS NULL OR message_id = @MessageId) AND (@Channel IS NULL OR channel = @Channel)
        ORDER BY action_id DESC
        """;

    public override string SearchMessages =>
        $"""
        SELECT TOP (@Limit) {MessageSummaryColumns} FROM dbo.messages AS m
        WHERE {MessageSearchConditions}
        ORDER BY m.received_at DESC, m.message_id DESC
        """;

    public override string SelectRecentRunIds =>
        "SELECT TOP (@Limit) run_id FROM dbo.reconciliation_runs WHERE (@Channel IS NULL OR channel = @Channel) ORDER BY run_id DESC";
}
