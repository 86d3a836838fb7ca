using ErpBridge.Core.Status;

namespace ErpBridge.Core.Audits;

/// <summary>
/// How one channel's delivery of a document ended, with its last error when it failed, and the first item the channel
/// failed on its own (<c>item key: reason</c>) when the rest was delivered.
/// </summary>
public sealed record SettledDelivery(string Channel, DeliveryStatus Status, string? LastError, string? FailedItem = null);
