using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
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
    IReconciliationStore reconciliations,
    IReconciliationLauncher launcher,
    Router router,
    ShipmentRouter shipmentRouter,
    TimeProvider time,
    IHttpContextAccessor http,
    ILogger<ErpBridgeService> logger) : IErpBridgeService
{
    public async Task<SubmitInventoryResponse> SubmitInventory(SubmitInventoryRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Inventory, MessageType.Inventory, null, []) };
    }

    public async Task<SubmitProductsResponse> SubmitProducts(SubmitProductsRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Products, MessageType.Products, null, []) };
    }

    public async Task<SubmitShipmentsResponse> SubmitShipments(SubmitShipmentsRequest request)
    {
        CanonicalForm.Normalize(request);

        // Each shipment carries its channel in the stored message (resolved from its order where it names none, spelt
        // as configured), so that each channel's map takes the shipments that are its own.
        var list = request.Shipments.Shipment;
        var channels = await shipmentRouter.ResolveAsync(
            list.Select(s => new ShipmentAddress(s.Channel, s.OrderNumber, s.ShipmentId)).ToList(), CancellationToken.None);
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Channel = channels[i];
        }

        return new() { Receipt = await AcceptAsync(request, Ns.Shipments, MessageType.Shipments, null, channels) };
    }

    public async Task<SubmitDocumentResponse> SubmitDocument(SubmitDocumentRequest request)
    {
        CanonicalForm.Normalize(request);
        return new() { Receipt = await AcceptAsync(request, Ns.Documents, MessageType.Document, request.DocumentType, []) };
    }

    public async Task<GetMessageStatusResponse> GetMessageStatus(GetMessageStatusRequest request)
    {
        Caller();
        var status = await store.GetStatusAsync(request.MessageId, CancellationToken.None)
            ?? throw new IntakeRejectedException(FaultCodes.MessageNotFound, $"No message with MessageId '{request.MessageId}' was accepted.");
        var history = await deliveries.GetHistoryAsync(request.MessageId, CancellationToken.None);
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
                    Items = d.Items is { Count: > 0 } items
                        ? new DeliveryItemList { Item = items.Select(i => new DeliveryItem { Key = i.Item, Outcome = i.State.ToString(), Reason = i.Reason, At = i.At.UtcDateTime }).ToList() }
                        : null,
                }).ToList(),
            },
        };
    }

    public async Task<FetchOrdersResponse> FetchOrders(FetchOrdersRequest request)
    {
        var context = Caller();
        var channel = OptionalChannel(request.Channel);

        var now = time.GetUtcNow();
        var max = Math.Min(request.MaxOrders, fetchSettings.MaxFetch);
        var fetched = await orders.FetchAsync(max, channel, now, fetchSettings.VisibilityTimeout, CancellationToken.None);
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
        var results = await orders.AcknowledgeAsync(acknowledgements, time.GetUtcNow(), CancellationToken.None);
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

    public async Task<StartReconciliationResponse> StartReconciliation(StartReconciliationRequest request)
    {
        var context = Caller();
        var channel = OptionalChannel(request.Channel);

        IReadOnlyList<ReconciliationRun> runs;
        try
        {
            runs = await launcher.StartRunsAsync(channel, $"soap:{context.ClientName}", CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            throw new IntakeRejectedException(FaultCodes.UnknownChannel, ex.Message);
        }

        logger.LogInformation("{Client} started reconciliation {Runs}", context.ClientName, runs.Select(r => $"{r.RunId} ({r.Channel})"));
        return new StartReconciliationResponse
        {
            Runs = new RunSummaryList
            {
                Run = runs.Select(r => new RunSummaryDto { RunId = r.RunId, Channel = r.Channel, Status = r.Status.ToString(), StartedAt = r.StartedAt.UtcDateTime }).ToList(),
            },
        };
    }

    public async Task<GetReconciliationReportResponse> GetReconciliationReport(GetReconciliationReportRequest request)
    {
        Caller();
        var run = request.RunId is { } id
            ? await reconciliations.GetAsync(id, CancellationToken.None)
            : await reconciliations.LatestAsync(string.IsNullOrWhiteSpace(request.Channel) ? null : router.ConfiguredChannel(request.Channel.Trim()) ?? request.Channel.Trim(), CancellationToken.None);
        if (run is null)
        {
            throw new IntakeRejectedException(FaultCodes.ReconciliationNotFound, request.RunId is { } missing ? $"No reconciliation run {missing}." : "No reconciliation has run yet.");
        }

        var counts = await reconciliations.CountsAsync(run.RunId, CancellationToken.None);
        var findings = new List<ReconciliationItem>();
        var wanted = request.MaxFindings ?? 100;
        string? after = null;
        while (findings.Count < wanted)
        {
            var page = await reconciliations.ItemsAsync(run.RunId, null, after, 1000, CancellationToken.None);
            findings.AddRange(page.Where(i => i.Class != ReconciliationClass.Match).Take(wanted - findings.Count));
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].ItemKey;
        }

        return new GetReconciliationReportResponse
        {
            Run = new RunReportDto
            {
                RunId = run.RunId,
                Channel = run.Channel,
                Status = run.Status.ToString(),
                Phase = run.Phase.ToString(),
                Trigger = run.Trigger,
                StartedAt = run.StartedAt.UtcDateTime,
                FinishedAt = run.FinishedAt?.UtcDateTime ?? default,
                FinishedAtSpecified = run.FinishedAt.HasValue,
                PagesRead = run.Pages,
                LevelsRead = run.LevelsRead,
                Error = run.Error,
                Counts = new ClassCountList { Count = counts.Select(c => new ClassCountDto { Class = c.Class.ToString(), Number = c.Count }).ToList() },
                Healed = await reconciliations.HealedCountAsync(run.RunId, CancellationToken.None),
                Findings = new FindingList
                {
                    Finding = findings.Select(f => new FindingDto
                    {
                        Class = f.Class.ToString(),
                        Key = f.ItemKey,
                        Sku = f.Sku,
                        Location = f.Location,
                        ErpQuantity = f.ErpQuantity ?? 0,
                        ErpQuantitySpecified = f.ErpQuantity.HasValue,
                        StoreQuantity = f.StoreQuantity ?? 0,
                        StoreQuantitySpecified = f.StoreQuantity.HasValue,
                        Detail = f.Detail,
                        HealedBy = f.HealedBy,
                    }).ToList(),
                },
            },
        };
    }

    /// <summary>The configured channel a request names (spelt as configured), null when it names none; an unknown one is refused.</summary>
    private string? OptionalChannel(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : router.ConfiguredChannel(name.Trim()) ?? throw new IntakeRejectedException(FaultCodes.UnknownChannel, $"Channel '{name.Trim()}' is not configured.");

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
        var receipt = await intake.AcceptAsync(message, context.ClientName!, correlationId, CancellationToken.None);
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
