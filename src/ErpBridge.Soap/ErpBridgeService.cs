using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Soap.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Soap;

/// <summary>The operations. Requests reach them already authenticated and valid against the XSD.</summary>
public sealed class ErpBridgeService(IntakeService intake, IMessageStore store, IDeliveryStore deliveries, IHttpContextAccessor http, ILogger<ErpBridgeService> logger) : IErpBridgeService
{
    public async Task<SubmitInventoryResponse> SubmitInventory(SubmitInventoryRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Inventory, MessageType.Inventory, null, []).ConfigureAwait(false) };
    }

    public async Task<SubmitProductsResponse> SubmitProducts(SubmitProductsRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Products, MessageType.Products, null, []).ConfigureAwait(false) };
    }

    public async Task<SubmitShipmentsResponse> SubmitShipments(SubmitShipmentsRequest request)
    {
        CanonicalForm.Normalize(request);
        var channels = request.Shipments.Shipment.Select(s => s.Channel).ToList();
        return new() { Receipt = await AcceptAsync(request, Ns.Shipments, MessageType.Shipments, null, channels).ConfigureAwait(false) };
    }

    public async Task<SubmitDocumentResponse> SubmitDocument(SubmitDocumentRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Documents, MessageType.Document, request.DocumentType, []).ConfigureAwait(false) };
    }

    public async Task<GetMessageStatusResponse> GetMessageStatus(GetMessageStatusRequest request)
    {
        Caller();
        var status = await store.GetStatusAsync(request.MessageId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new IntakeRejectedException(FaultCodes.MessageNotFound, $"No message with MessageId '{request.MessageId}' was accepted.");
        var history = await deliveries.GetHistoryAsync(request.MessageId, CancellationToken.None).ConfigureAwait(false);
        return new GetMessageStatusResponse
        {
            MessageId = status.MessageId,
            MessageType = status.Type.ToString(),
            ReceivedAt = status.ReceivedAt.UtcDateTime,
            Deliveries = new DeliveryList
            {
                Delivery = status.Deliveries.Select(d => new ChannelDelivery
                {
                    Channel = d.Channel,
                    Status = d.Status.ToString(),
                    Attempts = d.Attempts,
                    LastAttemptAt = d.LastAttemptAt?.UtcDateTime ?? default,
                    LastAttemptAtSpecified = d.LastAttemptAt.HasValue,
                    NextAttemptAt = d.NextAttemptAt?.UtcDateTime ?? default,
                    NextAttemptAtSpecified = d.NextAttemptAt.HasValue,
                    LastError = d.LastError,
                    History = new StatusHistory
                    {
                        Change = history.Where(h => h.Channel == d.Channel && h.To != Core.Status.DeliveryStatus.InProgress).Select(h => new StatusChange
                        {
                            At = h.At.UtcDateTime,
                            Status = h.To.ToString(),
                            Detail = h.Detail,
                        }).ToList(),
                    },
                }).ToList(),
            },
        };
    }

    private async Task<ReceiptDto> AcceptAsync<T>(T request, string ns, MessageType type, string? documentType, IReadOnlyList<string> channelHint)
        where T : class, IEnvelopeFields
    {
        // The envelope gate has put CorrelationId and MessageId into the logging scope.
        var context = Caller();
        var correlationId = context.CorrelationId;
        var payload = CanonicalXml.Serialize(request, ns);
        var message = new IncomingMessage(request.MessageId, type, documentType, request.SourceSystem, CanonicalForm.ParseTime(request.SentAt), payload, ContentHash.Of(payload), channelHint);

        // Not cancelled when the client goes away: an accept is committed whole or not at all, and a resend is a duplicate.
        var receipt = await intake.AcceptAsync(message, context.ClientName!, correlationId, CancellationToken.None).ConfigureAwait(false);
        if (receipt.Duplicate)
        {
            logger.LogInformation("Duplicate {MessageType} {MessageId}, first accepted {ReceivedAt:O}", type, request.MessageId, receipt.ReceivedAt);
        }
        else
        {
            logger.LogDebug("Accepted {MessageType} {MessageId} for {Channels}", type, request.MessageId, receipt.Channels);
        }

        return new ReceiptDto
        {
            MessageId = receipt.MessageId,
            Status = receipt.Duplicate ? "Duplicate" : "Accepted",
            ReceivedAt = receipt.ReceivedAt.UtcDateTime,
            Channels = new ChannelList { Channel = [.. receipt.Channels] },
        };
    }

    /// <summary>
    /// The request as the envelope gate authenticated it. A request that got here without passing the gate is a
    /// wiring bug: it is refused, never stored.
    /// </summary>
    private RequestContext Caller()
    {
        var context = RequestContext.Of(http.HttpContext);
        return context?.ClientName is null ? throw new IntakeRejectedException(FaultCodes.AuthenticationFailed, "Authentication failed.") : context;
    }
}
