namespace ErpBridge.Core.Alerts;

/// <summary>
/// The alert outbox (one row per alert and webhook) and the last value each alert check saw of its condition.
/// Claims are leases, as for deliveries: a node that dies under a send leaves the alert to be claimed again.
/// </summary>
public interface IAlertStore
{
    /// <summary>Adds alerts, due at once, in one transaction.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> if it still holds <paramref name="expected"/> (null: no
    /// value yet) and adds <paramref name="alerts"/> in the same transaction. False (and nothing written) when another
    /// node changed it first.
    /// </summary>
    Task<bool> TransitionAsync(string key, string? expected, string value, IReadOnlyList<OutboxAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The last value recorded for <paramref name="key"/>, or null.</summary>
    Task<string?> GetStateAsync(string key, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due alerts until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<ClaimedAlert>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a send: <see cref="AlertSendState.Sent"/>, <see cref="AlertSendState.Pending"/> again at <paramref name="retryAt"/>, or <see cref="AlertSendState.Failed"/>.</summary>
    Task CompleteAsync(ClaimedAlert alert, AlertSendState state, DateTimeOffset? retryAt, string? error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Each channel's last successful order poll.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOrderPollsAsync(CancellationToken cancellationToken);
}
