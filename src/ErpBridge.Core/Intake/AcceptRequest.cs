using ErpBridge.Core.Messages;

namespace ErpBridge.Core.Intake;

/// <summary>What the store commits in one transaction: the message and one delivery per channel.</summary>
/// <param name="Client">The authenticated client that sent it.</param>
/// <param name="Canonical">A raw document's canonical message, as its inbound map made it at the door; null for canonical messages.</param>
public sealed record AcceptRequest(
    IncomingMessage Message,
    IReadOnlyList<string> Channels,
    DateTimeOffset ReceivedAt,
    string CorrelationId,
    string Client,
    string? Canonical = null);
