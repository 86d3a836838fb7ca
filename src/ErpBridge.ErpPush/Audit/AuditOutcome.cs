namespace ErpBridge.ErpPush.Audit;

/// <summary>
/// What became of a received message on every channel it was routed to, as the audit tells SAP: the IDoc status
/// (<paramref name="Status"/>, e.g. 41 delivered, 51 failed), whether it is an error, the reason (untruncated: the
/// builder cuts it to SAP's field lengths), the channel it failed on, and the bridge's own MessageId.
/// </summary>
public sealed record AuditOutcome(string Status, bool Failed, string Text, string? Channel, string BridgeMessageId);
