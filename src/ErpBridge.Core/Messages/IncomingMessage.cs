namespace ErpBridge.Core.Messages;

/// <summary>
/// A message as the intake stores it: the canonical XML (the request element as the contract defines it),
/// and what routing and idempotency need to know about it.
/// </summary>
/// <param name="ContentHash">Hash of the canonical payload; the same MessageId with another hash is a conflict.</param>
/// <param name="ChannelHint">Channels the message itself names (shipments name their store); empty for the others.</param>
public sealed record IncomingMessage(
    string MessageId,
    MessageType Type,
    string? DocumentType,
    string SourceSystem,
    DateTimeOffset SentAt,
    string Payload,
    string ContentHash,
    IReadOnlyList<string> ChannelHint);
