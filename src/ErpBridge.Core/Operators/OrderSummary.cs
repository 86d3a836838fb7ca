using ErpBridge.Core.Orders;

namespace ErpBridge.Core.Operators;

/// <summary>An order as the console lists it; <paramref name="VisibleAt"/>: a fetched order's visibility deadline, after which it is offered again.</summary>
public sealed record OrderSummary(
    string OrderId,
    string Channel,
    string OrderNumber,
    long Revision,
    OrderState State,
    string Handover,
    DateTimeOffset? VisibleAt,
    long? AcknowledgedRevision,
    string? ErpDocumentNumber,
    DateTimeOffset ChangedAt,
    int PushAttempts,
    string? LastError);
