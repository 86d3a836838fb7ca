namespace ErpBridge.Tests.Support;

/// <summary>The three header fields every canonical message starts with.</summary>
public sealed record MessageHeader(string MessageId, string SentAt, string SourceSystem);
