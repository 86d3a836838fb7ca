using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Routing;
using ErpBridge.Soap.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Soap;

/// <summary>The operations. Requests reach them already authenticated and valid against the XSD.</summary>
public sealed class ErpBridgeService(
    IntakeService intake,
    IMessageStore store,
    IDeliveryStore deliveries,
    IOrderStore orders,
    OrderFetchSettings fetchSettings,
    Router router,
    TimeProvider time,
    IHttpContextAccessor http,
    ILogger<ErpBridgeService> logger) : IErpBridgeService
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

    public async Task<FetchOrdersResponse> FetchOrders(FetchOrdersRequest request)
    {
        var context = Caller();
        string? channel = null;
        if (!string.IsNullOrWhiteSpace(request.Channel))
        {
            channel = router.ConfiguredChannel(request.Channel.Trim())
                ?? throw new IntakeRejectedException(FaultCodes.UnknownChannel, $"Channel '{request.Channel.Trim()}' is not configured.");
        }

        var now = time.GetUtcNow();
        var max = Math.Min(request.MaxOrders, fetchSettings.MaxFetch);
        var fetched = await orders.FetchAsync(max, channel, now, fetchSettings.VisibilityTimeout, CancellationToken.None).ConfigureAwait(false);
        if (fetched.Count > 0)
        {
            logger.LogInformation("{Client} fetched {Count} orders ({OrderIds})", context.ClientName, fetched.Count, fetched.Select(o => $"{o.OrderId}#{o.Revision}"));
        }

        var offeredAgainAt = (now + fetchSettings.VisibilityTimeout).UtcDateTime;
        return new FetchOrdersResponse
        {
            Orders = new PendingOrderList
            {
                PendingOrder = fetched.Select(o => new PendingOrderDto
                {
                    OrderId = o.OrderId,
                    Revision = o.Revision,
                    ChangeType = o.ChangeType.ToString(),
                    OfferedAgainAt = offeredAgainAt,
                    Order = ToXmlElement(o.CanonicalXml),
                }).ToList(),
            },
        };
    }

    public async Task<AcknowledgeOrdersResponse> AcknowledgeOrders(AcknowledgeOrdersRequest request)
    {
        var context = Caller();
        var acknowledgements = request.Acknowledgements.Acknowledgement
            .Select(a => new OrderAcknowledgement(a.OrderId.Trim(), a.RevisionSpecified ? a.Revision : null, a.ErpDocumentNumber.Trim()))
            .ToList();
        var results = await orders.AcknowledgeAsync(acknowledgements, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        logger.LogInformation(
            "{Client} acknowledged {Count} orders: {Results}", context.ClientName, results.Count, results.Select(r => $"{r.OrderId} {r.Status}"));
        return new AcknowledgeOrdersResponse
        {
            Results = new AcknowledgeResultList
            {
                Result = results.Select(r => new AcknowledgeResultDto
                {
                    OrderId = r.OrderId,
                    Status = r.Status.ToString(),
                    CurrentRevision = r.CurrentRevision ?? 0,
                    CurrentRevisionSpecified = r.CurrentRevision.HasValue,
                    ErpDocumentNumber = r.ErpDocumentNumber,
                }).ToList(),
            },
        };
    }

    /// <summary>The stored canonical order (written by the bridge itself, validated before it was stored).</summary>
    private static System.Xml.XmlElement ToXmlElement(string xml)
    {
        var document = new System.Xml.XmlDocument { XmlResolver = null };
        using var reader = System.Xml.XmlReader.Create(new StringReader(xml), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document.DocumentElement!;
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
