namespace ErpBridge.Storage;

/// <summary>The channel pause statements (migration 0006). What differs per database: the upsert.</summary>
public abstract partial class SqlDialect
{
    private const string PauseColumns =
        "channel AS Channel, paused_by AS PausedBy, reason AS Reason, paused_at AS PausedAt, probe_at AS ProbeAt";

    /// <summary>
    /// Pauses @Channel (@By, @Reason, at @Now, probe at @ProbeAt), or updates its pause keeping paused_at; a
    /// Credentials pause never replaces an Operator pause.
    /// </summary>
    public abstract string PauseChannel { get; }

    /// <summary>Deletes @Channel's pause: any when @By is Operator, a Credentials pause otherwise.</summary>
    public virtual string ResumeChannel =>
        $"DELETE FROM {Table("channel_pauses")} WHERE channel = @Channel AND (@By = 'Operator' OR paused_by = 'Credentials')";

    public virtual string SelectPause => $"SELECT {PauseColumns} FROM {Table("channel_pauses")} WHERE channel = @Channel";

    public virtual string SelectPauses => $"SELECT {PauseColumns} FROM {Table("channel_pauses")} ORDER BY channel";

    private IEnumerable<(string Name, string Sql)> PauseStatements()
    {
        yield return (nameof(PauseChannel), PauseChannel);
        yield return (nameof(ResumeChannel), ResumeChannel);
        yield return (nameof(SelectPause), SelectPause);
        yield return (nameof(SelectPauses), SelectPauses);
    }
}
