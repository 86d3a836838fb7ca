using ErpBridge.Core.Orders;

namespace ErpBridge.Core.Operators;

/// <summary>One order whole: its current revision's canonical XML and the times of what happened to it.</summary>
public sealed record OrderDetail(
    OrderView Summary,
    string PlatformOrderId,
    bool Cancelled,
    string CanonicalXml,
    DateTimeOffset PlatformUpdatedAt,
    DateTimeOffset FirstSeenAt,
    long? FetchedRevision,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? NextPushAt);
