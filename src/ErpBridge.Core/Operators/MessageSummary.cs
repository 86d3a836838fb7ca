namespace ErpBridge.Core.Operators;

/// <summary>A message as a search result lists it.</summary>
public sealed record MessageSummary(string MessageId, string MessageType, string? DocumentType, string SourceSystem, DateTimeOffset ReceivedAt);
