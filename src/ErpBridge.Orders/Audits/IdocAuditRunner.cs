using System.Xml;
using System.Xml.Linq;
using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;
using ErpBridge.ErpPush.Audit;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Orders.Audits;

/// <summary>
/// Tells SAP what became of the IDocs it sent: finds documents of audited source systems whose every delivery has
/// ended, writes one ALEAUD01 per document into the outbox (once), and sends due audits to the source's ERP endpoint
/// until the ERP takes them, with backoff. The outbox makes it durable: a restart resumes with the same audit, the
/// same MessageId, so the ERP takes it once.
/// </summary>
public sealed class IdocAuditRunner(
    IIdocAuditStore store,
    ErpEndpoints endpoints,
    IdocAuditOptions options,
    TimeProvider time,
    ILogger<IdocAuditRunner> logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(1);
    private static readonly XNamespace Documents = XmlNamespaces.Documents;
    private readonly BackoffPolicy backoff = new(options.BackoffBase, options.BackoffMax, maxAttempts: 0);

    /// <summary>One round: new outcomes into the outbox, then what is due sent. Returns (audits written, audits sent or tried).</summary>
    public async Task<(int Enqueued, int Tried)> RunAsync(CancellationToken cancellationToken)
    {
        var enqueued = await EnqueueSettledAsync(cancellationToken);
        var tried = await SendDueAsync(cancellationToken);
        return (enqueued, tried);
    }

    /// <summary>Writes the audit of every settled document of the audited source systems; returns how many were written.</summary>
    public async Task<int> EnqueueSettledAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        var started = time.GetUtcNow();
        foreach (var (name, source) in options.Audited)
        {
            while (time.GetUtcNow() - started < RunLimit)
            {
                var now = time.GetUtcNow();
                var settled = await store.FindSettledAsync(name, now - options.Window, BatchSize, cancellationToken);
                foreach (var document in settled)
                {
                    var entry = Entry(document, source, now);
                    if (await store.EnqueueAsync(entry, now, cancellationToken) && entry.State == IdocAuditState.Pending)
                    {
                        written++;
                        logger.LogInformation("IDoc audit for {MessageId} ({DocumentType}) queued with status {Status} for ERP endpoint {Endpoint}", document.MessageId, document.DocumentType, entry.IdocStatus, entry.Endpoint);
                    }
                }

                if (settled.Count < BatchSize)
                {
                    break;
                }
            }
        }

        return written;
    }

    /// <summary>Sends due audits until none is due or the run has taken a minute; returns how many were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var lease = endpoints.Names.Select(n => endpoints.Options(n).Timeout).DefaultIfEmpty(TimeSpan.FromSeconds(30)).Max() * 2 + TimeSpan.FromMinutes(1);
        var started = time.GetUtcNow();
        var tried = 0;
        while (time.GetUtcNow() - started < RunLimit)
        {
            var due = await store.ClaimDueAsync(BatchSize, time.GetUtcNow(), lease, cancellationToken);
            foreach (var audit in due)
            {
                var completion = await SendAsync(audit, cancellationToken);
                await store.CompleteAsync(completion, time.GetUtcNow(), CancellationToken.None);
                tried++;
            }

            if (due.Count < BatchSize)
            {
                break;
            }
        }

        return tried;
    }

    private IdocAuditEntry Entry(SettledDocument document, SourceSystemOptions source, DateTimeOffset now)
    {
        var idocs = Idocs(document)
            .Where(i => source.MessageTypes.Count == 0 || source.MessageTypes.Contains(i.MessageType, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (idocs.Count == 0)
        {
            return new IdocAuditEntry(document.MessageId, document.SourceSystem, null, null, null, null, IdocAuditState.NotIdoc);
        }

        if (idocs.Count > 500)
        {
            // One ALEAUD01 confirms at most 500 IDocs; SAP's own sender splits, a SubmitDocument that large is not expected.
            logger.LogWarning("Message {MessageId} holds {Count} IDocs; its audit confirms the first 500", document.MessageId, idocs.Count);
            idocs = idocs.Take(500).ToList();
        }

        var outcome = IdocOutcomes.Of(document, source);
        var audit = AleAuditBuilder.Build(idocs, outcome, IdocOutcomes.AuditDocNum(document.MessageId), now);
        return new IdocAuditEntry(
            document.MessageId,
            document.SourceSystem,
            source.ErpEndpoint,
            IdocOutcomes.AuditMessageId(document.MessageId),
            outcome.Status,
            audit.ToString(SaveOptions.DisableFormatting),
            IdocAuditState.Pending);
    }

    /// <summary>The IDocs in the stored SubmitDocument request; none when it holds no IDoc (or no longer parses).</summary>
    private IReadOnlyList<ReceivedIdoc> Idocs(SettledDocument document)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(document.Payload), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var root = XDocument.Load(reader).Root;
            // The stored SubmitDocument request carries the IDoc file in its Payload; a stored bare IDoc file is read as it is.
            var payload = root?.Element(Documents + "Payload")?.Elements().FirstOrDefault() ?? root;
            return payload is null ? [] : ReceivedIdoc.Read(payload);
        }
        catch (XmlException exception)
        {
            logger.LogError("Message {MessageId}: the stored document does not parse ({Error}); no audit", document.MessageId, exception.Message);
            return [];
        }
    }

    private async Task<IdocAuditCompletion> SendAsync(PendingIdocAudit audit, CancellationToken cancellationToken)
    {
        var attempt = audit.Attempts + 1;
        if (!endpoints.Names.Contains(audit.Endpoint, StringComparer.OrdinalIgnoreCase))
        {
            var retryAt = time.GetUtcNow() + backoff.Delay(attempt, null);
            logger.LogError("IDoc audit {MessageId}: ERP endpoint {Endpoint} is not configured; kept for when it is", audit.MessageId, audit.Endpoint);
            return new IdocAuditCompletion(audit.MessageId, IdocAuditState.Pending, null, $"ERP endpoint '{audit.Endpoint}' is not configured.", retryAt);
        }

        var result = await endpoints.AuditSender(audit.Endpoint).SendAuditAsync(audit.AuditMessageId, XElement.Parse(audit.Document), cancellationToken);
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                logger.LogInformation("IDoc audit {MessageId} taken by {Endpoint} as IDoc {IdocNumber} ({Status})", audit.MessageId, audit.Endpoint, result.ErpDocumentNumber, result.Status);
                return new IdocAuditCompletion(audit.MessageId, IdocAuditState.Sent, result.ErpDocumentNumber, null, null);
            case DeliveryOutcome.TransientFailure transient:
                var retryAt = time.GetUtcNow() + backoff.Delay(attempt, transient.RetryAfter);
                logger.LogWarning("IDoc audit {MessageId}: attempt {Attempt} failed ({Reason}); next at {RetryAt:O}", audit.MessageId, attempt, transient.Reason, retryAt);
                return new IdocAuditCompletion(audit.MessageId, IdocAuditState.Pending, null, transient.Reason, retryAt);
            case DeliveryOutcome.PermanentFailure permanent:
                logger.LogError("IDoc audit {MessageId}: the ERP refused it: {Reason}", audit.MessageId, permanent.Reason);
                return new IdocAuditCompletion(audit.MessageId, IdocAuditState.Failed, null, permanent.Reason, null);
            default:
                throw new InvalidOperationException($"Unexpected audit outcome {result.Outcome}.");
        }
    }
}
