namespace ErpBridge.Core.Operators;

/// <summary>A message whole: as the ERP sent it (<paramref name="Payload"/>) and, for a raw document, as it was mapped at the door.</summary>
public sealed record MessageDetail(
    string MessageId,
    string MessageType,
    string? DocumentType,
    string SourceSystem,
    string Client,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    string CorrelationId,
    string Payload,
    string? Canonical);
