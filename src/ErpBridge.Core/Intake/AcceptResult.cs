namespace ErpBridge.Core.Intake;

/// <summary>The store's answer. For a duplicate, ReceivedAt and Channels are those of the first accept.</summary>
public sealed record AcceptResult(AcceptOutcome Outcome, DateTimeOffset ReceivedAt, IReadOnlyList<string> Channels);
