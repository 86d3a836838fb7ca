using ErpBridge.Core.Messages;
using ErpBridge.Core.Routing;

namespace ErpBridge.Core.Intake;

/// <summary>Routes an incoming message, commits it, and answers with a receipt or a rejection.</summary>
public sealed class IntakeService(IMessageStore store, Router router, TimeProvider time, IEnumerable<IAcceptObserver>? observers = null)
{
    private readonly IAcceptObserver[] observers = observers?.ToArray() ?? [];

    public async Task<Receipt> AcceptAsync(IncomingMessage message, string client, string correlationId, CancellationToken cancellationToken)
    {
        var channels = router.ChannelsFor(message);
        var request = new AcceptRequest(message, channels, time.GetUtcNow(), correlationId, client);
        var result = await store.AcceptAsync(request, cancellationToken);
        if (result.Outcome == AcceptOutcome.Accepted && result.Channels.Count > 0)
        {
            foreach (var observer in observers)
            {
                observer.Accepted(result.Channels);
            }
        }

        return result.Outcome switch
        {
            AcceptOutcome.Accepted => new Receipt(message.MessageId, Duplicate: false, result.ReceivedAt, result.Channels),
            AcceptOutcome.Duplicate => new Receipt(message.MessageId, Duplicate: true, result.ReceivedAt, result.Channels),
            AcceptOutcome.Conflict => throw new IntakeRejectedException(
                FaultCodes.MessageIdConflict,
                $"MessageId '{message.MessageId}' was accepted at {result.ReceivedAt:O} with different content; send new content with a new MessageId."),
            _ => throw new InvalidOperationException($"Unknown accept outcome {result.Outcome}."),
        };
    }
}
