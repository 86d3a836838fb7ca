using ErpBridge.Core.Orders;

namespace ErpBridge.Storage;

/// <summary>An order as <see cref="SqlDialect"/>'s order-view columns read it; the console's order detail reads more columns on top.</summary>
internal class OrderViewRow
{
    public string OrderId { get; set; } = "";

    public string Channel { get; set; } = "";

    public string OrderNumber { get; set; } = "";

    public long Revision { get; set; }

    public string State { get; set; } = "";

    public string Handover { get; set; } = "";

    public long? AcknowledgedRevision { get; set; }

    public string? ErpDocumentNumber { get; set; }

    public object ChangedAt { get; set; } = "";

    public long PushAttempts { get; set; }

    public string? LastError { get; set; }

    public object? VisibleAt { get; set; }

    public OrderView ToView() => new(
        OrderId,
        Channel,
        OrderNumber,
        Revision,
        Enum.Parse<OrderState>(State),
        Enum.Parse<OrderHandover>(Handover),
        AcknowledgedRevision,
        ErpDocumentNumber,
        SqlDialect.ReadTime(ChangedAt),
        (int)PushAttempts,
        LastError,
        SqlDialect.ReadNullableTime(VisibleAt));
}
