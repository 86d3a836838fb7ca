namespace ErpBridge.Core.Alerts;

/// <summary>
/// Where event sites report what operators are alerted about as it happens. Implementations return at once (they
/// never wait for a receiver) and never throw into the caller. Without configured webhooks it is <see cref="NoAlerts"/>.
/// Pauses, order polling and reconciliation runs are not reported here: the alert checks read them from the store.
/// </summary>
public interface IAlertSink
{
    /// <summary>Deliveries (or single items) of <paramref name="channel"/> just dead-lettered, by MessageId.</summary>
    void DeadLettered(string channel, IReadOnlyList<string> messageIds);
}
