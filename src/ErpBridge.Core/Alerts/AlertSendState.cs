namespace ErpBridge.Core.Alerts;

/// <summary>Where an alert for one webhook stands. Stored by name.</summary>
public enum AlertSendState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Claimed by a node that is sending it (until its claim runs out).</summary>
    Sending,

    /// <summary>The receiver answered 2xx.</summary>
    Sent,

    /// <summary>Given up after the retry age.</summary>
    Failed,
}
