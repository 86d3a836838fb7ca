using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Status;

public sealed record MessageStatusView(
    string MessageId,
    MessageType Type,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<DeliveryView> Deliveries);
