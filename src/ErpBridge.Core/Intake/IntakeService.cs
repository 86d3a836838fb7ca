using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Routing;

namespace ErpBridge.Core.Intake;

/// <summary>
/// Routes an incoming message, commits it, and answers with a receipt or a rejection. A raw document is mapped here,
/// before the receipt, so that a document its map refuses is refused to the ERP rather than failing later per channel.
/// </summary>
public sealed class IntakeService(
    IMessageStore store,
    Router router,
    ShipmentRouter shipments,
    IDocumentMapper documents,
    BridgeOptions options,
    TimeProvider time,
    IEnumerable<IAcceptObserver>? observers = null,
    BridgeMetrics? metrics = null)
{
    private readonly IAcceptObserver[] observers = observers?.ToArray() ?? [];

    /// <param name="cancellationToken">Stops the wait for the store; a raw document's map runs under <see cref="BridgeOptions.IntakeMapTimeout"/> as well.</param>
    public async Task<Receipt> AcceptAsync(IncomingMessage message, string client, string correlationId, CancellationToken cancellationToken)
    {
        var (channels, canonical) = message.Type == MessageType.Document && message.Channels is null
            ? await MapDocumentAsync(message, cancellationToken)
            : (router.ChannelsFor(message), null);
        var request = new AcceptRequest(message, channels, time.GetUtcNow(), correlationId, client, canonical);
        var result = await store.AcceptAsync(request, cancellationToken);
        metrics?.Accepted(message.Type, result.Outcome);
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

    /// <summary>
    /// The document's channels and canonical message: stock and products by their routes (checked first, so that a
    /// document with no route is not mapped for nothing), shipments by their orders once mapped.
    /// </summary>
    private async Task<(IReadOnlyList<string> Channels, string? Canonical)> MapDocumentAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var produces = router.ProducedBy(message.DocumentType);
        var routed = produces == MessageType.Shipments ? null : router.DocumentRoute(message.DocumentType!, produces);
        XDocument canonical;
        using (var bound = new CancellationTokenSource(options.IntakeMapTimeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(bound.Token, cancellationToken))
        {
            try
            {
                canonical = documents.ToCanonical(message, produces, linked.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new IntakeRejectedException(
                    FaultCodes.MappingFailed,
                    $"DocumentType '{message.DocumentType}' could not be mapped: its inbound map did not finish within {options.IntakeMapTimeout} ({BridgeOptions.Section}:IntakeMapTimeout). The document was not stored.");
            }
        }

        var channels = routed ?? await shipments.RouteAsync(canonical, cancellationToken);
        if (channels.Count == 0)
        {
            throw new IntakeRejectedException(FaultCodes.NoRoute, $"DocumentType '{message.DocumentType}' produced no {produces} for any channel. The document was not stored.");
        }

        return (channels, canonical.ToString(SaveOptions.DisableFormatting));
    }
}
