namespace ErpBridge.Host.Alerts;

/// <summary>What an alert is about; a webhook's <c>Events</c> names the kinds it takes (each kind's resolution comes with it).</summary>
public enum AlertKind
{
    /// <summary><c>channel.paused</c> (the store refused the credentials, or an operator paused it), and <c>channel.resumed</c>.</summary>
    ChannelPaused,

    /// <summary><c>delivery.dead_lettered</c>: deliveries or items of a channel failed for good, coalesced per channel.</summary>
    DeadLetter,

    /// <summary><c>reconciliation.drift</c>: a completed reconciliation run found drift above the threshold.</summary>
    ReconciliationDrift,

    /// <summary><c>orders.polling_behind</c> when a channel's last successful order poll is older than the threshold, and <c>orders.polling_resolved</c>.</summary>
    OrderPollingBehind,
}
