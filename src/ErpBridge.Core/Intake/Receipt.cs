namespace ErpBridge.Core.Intake;

public sealed record Receipt(string MessageId, bool Duplicate, DateTimeOffset ReceivedAt, IReadOnlyList<string> Channels);
