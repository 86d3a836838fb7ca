namespace ErpBridge.Core.Messages;

/// <summary>
/// A message as the intake stores it: the canonical XML (the request element as the contract defines it),
/// and what routing and idempotency need to know about it.
/// </summary>
/// <param name="ContentHash">Hash of the canonical payload; the same MessageId with another hash is a conflict.</param>
/// <param name="ChannelHint">Channels the message itself names (shipments name their store); empty for the others.</param>
/// <param name="Channels">Explicit channels that replace the routes (a reconciliation's corrective message for one store); null for messages from the ERP.</param>
public sealed record IncomingMessage(
    string MessageId,
    MessageType Type,
    string? DocumentType,
    string SourceSystem,
    DateTimeOffset SentAt,
    string Payload,
    string ContentHash,
    IReadOnlyList<string> ChannelHint,
    IReadOnlyList<string>? Channels = null);
