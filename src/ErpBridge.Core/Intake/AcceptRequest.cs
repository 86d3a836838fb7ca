using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Intake;

/// <summary>What the store commits in one transaction: the message and one delivery per channel.</summary>
public sealed record AcceptRequest(
    IncomingMessage Message,
    IReadOnlyList<string> Channels,
    DateTimeOffset ReceivedAt,
    string CorrelationId);
