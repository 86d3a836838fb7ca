namespace ErpBridge.Storage;

public sealed partial class SqlServerDialect
{
    public override string PauseChannel =>
        """
        MERGE dbo.channel_pauses WITH (HOLDLOCK) AS t
        USING (SELECT @Channel AS channel) AS s ON t.channel = s.channel
        WHEN MATCHED AND (t.paused_by = @By OR @By = N'Operator') THEN UPDATE SET paused_by = @By, reason = @Reason, probe_at = @ProbeAt
        WHEN NOT MATCHED THEN INSERT (channel, paused_by, reason, paused_at, probe_at) VALUES (@Channel, @By, @Reason, @Now, @ProbeAt);
        """;
}
