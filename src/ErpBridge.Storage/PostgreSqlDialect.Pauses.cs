namespace ErpBridge.Storage;

public sealed partial class PostgreSqlDialect
{
    public override string PauseChannel =>
        """
        INSERT INTO channel_pauses (channel, paused_by, reason, paused_at, probe_at) VALUES (@Channel, @By, @Reason, @Now, @ProbeAt)
        ON CONFLICT (channel) DO UPDATE SET paused_by = excluded.paused_by, reason = excluded.reason, probe_at = excluded.probe_at
        WHERE channel_pauses.paused_by = excluded.paused_by OR excluded.paused_by = 'Operator'
        """;
}
