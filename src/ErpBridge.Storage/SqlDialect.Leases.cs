namespace ErpBridge.Storage;

/// <summary>
/// The heartbeat of a delivery run (issue 16): the channel lease and the run's claims renewed together while a round
/// runs. Plain SQL every database shares.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// Renews @Holder's unexpired lease on @Channel until @Until (never takes a lease: an expired one may have been
    /// taken over already), then, only if that renewed it, @Holder's claims on the channel's deliveries; reads how many
    /// leases were renewed (1 or 0). A renewed lease runs exactly until @Until, later than any lease it replaced.
    /// </summary>
    public virtual string RenewChannelLease =>
        $"""
        UPDATE {Table("channel_leases")} SET until = @Until WHERE channel = @Channel AND holder = @Holder AND until >= @Now;
        UPDATE {Table("deliveries")} SET claimed_until = @Until
        WHERE channel = @Channel AND status = 'InProgress' AND claimed_by = @Holder
          AND EXISTS (SELECT 1 FROM {Table("channel_leases")} WHERE channel = @Channel AND holder = @Holder AND until >= @Until);
        SELECT COUNT(*) FROM {Table("channel_leases")} WHERE channel = @Channel AND holder = @Holder AND until >= @Until;
        """;

    private IEnumerable<(string Name, string Sql)> LeaseStatements()
    {
        yield return (nameof(RenewChannelLease), RenewChannelLease);
    }
}
