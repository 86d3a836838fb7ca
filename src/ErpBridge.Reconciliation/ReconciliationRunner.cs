using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using ErpBridge.Connectors;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Metrics;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Mapping.Maps;
using Microsoft.Extensions.Logging;

namespace ErpBridge.Reconciliation;

/// <summary>
/// Runs one reconciliation, phase by phase, each resumable after the process stops:
/// 1. read the store's stock page by page (each page stored with the token of the next; progress in the log);
/// 2. build the ERP's view: for every stock item delivered on the channel, the quantity of the message that carries
///    its newest version, and, from messages not delivered yet, the levels still in flight;
/// 3. compare the two in the database (match, drift, missing on the store, unknown to the ERP, in flight);
/// 4. check the store's orders of the window against the orders stored and taken by the ERP;
/// 5. heal drift, where the channel says so, with corrective stock messages through the normal delivery pipeline.
/// Memory holds one page or one message at a time, never the channel's stock.
/// </summary>
public sealed class ReconciliationRunner(
    IReconciliationStore store,
    IOrderStore orders,
    ConnectorRegistry connectors,
    IMessageMaps maps,
    IntakeService intake,
    ReconciliationOptions options,
    TimeProvider time,
    ILogger<ReconciliationRunner> logger,
    BridgeMetrics? metrics = null)
{
    public const string SourceSystem = "reconciliation";

    private readonly BackoffPolicy backoff = options.PageBackoff();

    /// <summary>The channels whose connector can read stock in bulk.</summary>
    public IReadOnlyList<string> ReconcilableChannels() =>
        connectors.DeliverableChannels().Where(c => connectors.For(c) is IStockReader).ToList();

    public bool Heals(string channel) => options.For(channel).Heal;

    /// <summary>Carries the run on from its phase to the end; returns the run as it finished.</summary>
    public async Task<ReconciliationRun> RunAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"No reconciliation run {runId}.");
        if (run.Status != ReconciliationStatus.Running)
        {
            return run;
        }

        try
        {
            if (connectors.For(run.Channel) is not IStockReader reader)
            {
                return await FailAsync(run, $"channel '{run.Channel}' ({connectors.PlatformOf(run.Channel)}) cannot read its stock in bulk");
            }

            logger.LogInformation("Reconciliation {RunId} of {Channel}: {Phase} ({Pages} pages read so far)", run.RunId, run.Channel, run.Phase, run.Pages);
            if (run.Phase == ReconciliationPhase.ReadingStore && await ReadStoreAsync(run, reader, cancellationToken) is { } readFailure)
            {
                return await FailAsync(run, readFailure);
            }

            run = (await store.GetAsync(runId, cancellationToken))!;
            if (run.Phase == ReconciliationPhase.BuildingErpView)
            {
                await BuildErpViewAsync(run, cancellationToken);
                await store.SetPhaseAsync(runId, ReconciliationPhase.Comparing, cancellationToken);
                run = run with { Phase = ReconciliationPhase.Comparing };
            }

            if (run.Phase == ReconciliationPhase.Comparing)
            {
                await store.CompareAsync(runId, cancellationToken);
                await store.SetPhaseAsync(runId, ReconciliationPhase.CheckingOrders, cancellationToken);
                run = run with { Phase = ReconciliationPhase.CheckingOrders };
            }

            if (run.Phase == ReconciliationPhase.CheckingOrders)
            {
                if (await CheckOrdersAsync(run, cancellationToken) is { } orderFailure)
                {
                    return await FailAsync(run, orderFailure);
                }

                await store.SetPhaseAsync(runId, ReconciliationPhase.Healing, cancellationToken);
                run = run with { Phase = ReconciliationPhase.Healing };
            }

            if (run.Phase == ReconciliationPhase.Healing && run.Heal)
            {
                await HealAsync(run, cancellationToken);
            }

            await store.FinishAsync(runId, ReconciliationStatus.Completed, null, time.GetUtcNow(), CancellationToken.None);
            var counts = await store.CountsAsync(runId, CancellationToken.None);
            foreach (var count in counts)
            {
                metrics?.Findings(run.Channel, count.Class.ToString(), count.Count);
            }

            logger.LogInformation("Reconciliation {RunId} of {Channel} completed: {Counts}", runId, run.Channel, string.Join(", ", counts.Select(c => $"{c.Class} {c.Count}")));
            return (await store.GetAsync(runId, CancellationToken.None))!;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Reconciliation {RunId} of {Channel} stopped; it resumes at the next start", runId, run.Channel);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reconciliation {RunId} of {Channel} failed", runId, run.Channel);
            return await FailAsync(run, ex.Message);
        }
    }

    private async Task<ReconciliationRun> FailAsync(ReconciliationRun run, string reason)
    {
        logger.LogError("Reconciliation {RunId} of {Channel} failed: {Reason}", run.RunId, run.Channel, reason);
        await store.FinishAsync(run.RunId, ReconciliationStatus.Failed, reason, time.GetUtcNow(), CancellationToken.None);
        return (await store.GetAsync(run.RunId, CancellationToken.None))!;
    }

    /// <summary>Reads every page from the saved token on; null when done, else why the run must fail.</summary>
    private async Task<string?> ReadStoreAsync(ReconciliationRun run, IStockReader reader, CancellationToken cancellationToken)
    {
        var token = run.PageToken;
        var pages = run.Pages;
        var levels = run.LevelsRead;
        var failures = 0;
        var started = time.GetUtcNow();
        while (true)
        {
            var result = await reader.ReadStockAsync(new StockQuery(token, options.PageSize), cancellationToken);
            switch (result.Failure)
            {
                case DeliveryOutcome.PermanentFailure permanent:
                    return $"reading the store's stock failed: {permanent.Reason}";
                case DeliveryOutcome.TransientFailure transient:
                    if (backoff.Decide(++failures, transient) is not RetryDecision.Retry retry)
                    {
                        return $"reading the store's stock failed {failures} times, the last: {transient.Reason}";
                    }

                    logger.LogWarning("Reconciliation {RunId} of {Channel}: page {Page} failed ({Reason}); again in {Wait}", run.RunId, run.Channel, pages + 1, transient.Reason, retry.Delay);
                    await Task.Delay(retry.Delay, time, cancellationToken);
                    continue;
            }

            failures = 0;
            var page = result.Page!;
            if (page.Levels.Count == 0 && page.NextPageToken is not null && page.RetryAfter is { } notReady)
            {
                // The platform is still preparing the data (a bulk operation): same token's successor, later.
                await store.SaveStorePageAsync(run.RunId, [], page.NextPageToken, last: false, cancellationToken, ready: false);
                token = page.NextPageToken;
                await Task.Delay(notReady, time, cancellationToken);
                continue;
            }

            var distinct = page.Levels
                .GroupBy(l => (l.Sku, l.Location))
                .Select(g => new ReconciledLevel(g.Key.Sku, g.Key.Location, g.Last().Quantity))
                .ToList();
            var last = page.NextPageToken is null;
            await store.SaveStorePageAsync(run.RunId, distinct, page.NextPageToken, last, cancellationToken);
            pages++;
            levels += distinct.Count;
            token = page.NextPageToken;
            if (last)
            {
                logger.LogInformation("Reconciliation {RunId} of {Channel}: read {Levels} stock levels in {Pages} pages", run.RunId, run.Channel, levels, pages);
                return null;
            }

            if (pages % 20 == 0)
            {
                var elapsed = time.GetUtcNow() - started;
                logger.LogInformation(
                    "Reconciliation {RunId} of {Channel}: {Levels} stock levels read in {Pages} pages ({Rate:0} levels/s)",
                    run.RunId, run.Channel, levels, pages, levels / Math.Max(elapsed.TotalSeconds, 0.001));
            }
        }
    }

    private async Task BuildErpViewAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        var batch = new List<ReconciledLevel>();
        var messages = 0;
        string? current = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (messageId, itemKey) in store.DeliveredStockVersionsAsync(run.Channel, cancellationToken))
        {
            if (current is not null && messageId != current)
            {
                await AddLevelsAsync(current, keys);
                keys.Clear();
            }

            current = messageId;
            keys.Add(itemKey);
        }

        if (current is not null)
        {
            await AddLevelsAsync(current, keys);
        }

        await store.SaveErpLevelsAsync(run.RunId, batch, cancellationToken);
        batch.Clear();

        // Messages not delivered yet, oldest first: a later one's level of an item replaces an earlier one's. Levels at
        // a location the channel does not take are not on their way to it (delivery skips them), so they are no
        // finding either; delivered messages name only the items the channel took (their item versions).
        var inFlight = 0;
        var connector = connectors.For(run.Channel);
        await foreach (var undelivered in store.UndeliveredStockAsync(run.Channel, cancellationToken))
        {
            var levels = (await StockLevelsOfAsync(undelivered.MessageId, cancellationToken)).Where(l => connector.DeclinedLocation(l.Location) is null).ToList();
            var detail = $"message {undelivered.MessageId} {undelivered.Status}";
            await store.SaveInFlightAsync(run.RunId, levels.Select(l => l with { Detail = detail }).ToList(), cancellationToken);
            inFlight += levels.Count;
        }

        logger.LogInformation("Reconciliation {RunId} of {Channel}: ERP view from {Messages} delivered messages, {InFlight} levels in flight", run.RunId, run.Channel, messages, inFlight);

        async Task AddLevelsAsync(string messageId, HashSet<string> wanted)
        {
            messages++;
            foreach (var level in await StockLevelsOfAsync(messageId, cancellationToken))
            {
                if (wanted.Contains(level.ItemKey))
                {
                    batch.Add(level with { Detail = $"message {messageId}" });
                }
            }

            if (batch.Count >= 2000)
            {
                await store.SaveErpLevelsAsync(run.RunId, batch, cancellationToken);
                batch.Clear();
            }
        }
    }

    /// <summary>The stock levels a stored message carries (a raw document through its inbound map first).</summary>
    private async Task<List<ReconciledLevel>> StockLevelsOfAsync(string messageId, CancellationToken cancellationToken)
    {
        var (payload, documentType) = await store.PayloadAsync(messageId, cancellationToken);
        var document = XDocument.Parse(payload);
        if (documentType is not null)
        {
            document = maps.ToCanonical(documentType, document.Root!, MapParameters.Inbound(messageId, time.GetUtcNow(), SourceSystem));
        }

        if (CanonicalMessage.TypeOf(document) != MessageType.Inventory)
        {
            return [];
        }

        XNamespace ns = XmlNamespaces.Inventory;
        return document.Descendants(ns + "Item")
            .Select(i => new ReconciledLevel(
                ((string?)i.Element(ns + "Sku"))?.Trim() ?? "",
                ((string?)i.Element(ns + "Location"))?.Trim() ?? "",
                (long)decimal.Parse(((string?)i.Element(ns + "Quantity"))?.Trim() ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
                messageId))
            .GroupBy(l => l.ItemKey)
            .Select(g => g.Last())
            .ToList();
    }

    /// <summary>Every store order changed in the window is stored, and taken by the ERP; null when checked, else why the run must fail.</summary>
    private async Task<string?> CheckOrdersAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        if (options.OrderWindow <= TimeSpan.Zero || connectors.For(run.Channel) is not IOrderSource source)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var settled = now - options.OrderGrace;
        string? token = null;
        var checkedOrders = 0;
        var failures = 0;
        do
        {
            var result = await source.ReadOrdersAsync(new OrderQuery(now - options.OrderWindow, token, 100), cancellationToken);
            if (result.Failure is DeliveryOutcome.TransientFailure transient && backoff.Decide(++failures, transient) is RetryDecision.Retry retry)
            {
                await Task.Delay(retry.Delay, time, cancellationToken);
                continue;
            }

            if (result.Failure is { } failure)
            {
                return $"reading the store's orders failed: {failure.Describe()}";
            }

            failures = 0;
            var page = result.Page!;
            var ids = page.Orders.ToDictionary(o => OrderKey.Of(run.Channel, o.PlatformOrderId), StringComparer.Ordinal);
            var stored = (await orders.FindAsync(ids.Keys, cancellationToken)).ToDictionary(o => o.OrderId, StringComparer.Ordinal);
            var findings = new List<OrderFinding>();
            foreach (var (id, order) in ids)
            {
                if (!stored.TryGetValue(id, out var view))
                {
                    if (order.UpdatedAt < settled)
                    {
                        findings.Add(new OrderFinding($"order:{id}", order.OrderNumber, ReconciliationClass.OrderNotStored, $"changed {order.UpdatedAt:O} on the store, not stored by the bridge"));
                    }
                }
                else if (view.State is not OrderState.Acknowledged && view.ChangedAt < settled)
                {
                    findings.Add(new OrderFinding($"order:{id}", order.OrderNumber, ReconciliationClass.OrderNotTaken, $"{view.State} since {view.ChangedAt:O} (revision {view.Revision}){(view.LastError is null ? "" : ": " + view.LastError)}"));
                }
            }

            await store.SaveOrderFindingsAsync(run.RunId, findings, cancellationToken);
            checkedOrders += ids.Count;
            token = page.NextPageToken;
        }
        while (token is not null);

        logger.LogInformation("Reconciliation {RunId} of {Channel}: {Orders} store orders of the last {Window} checked", run.RunId, run.Channel, checkedOrders, options.OrderWindow);
        return null;
    }

    /// <summary>
    /// Corrective stock messages for drift, one per ERP message the drifted levels came from, carrying that message's
    /// SentAt: newer ERP levels still win over them, and they win over nothing newer than what the ERP said.
    /// </summary>
    private async Task HealAsync(ReconciliationRun run, CancellationToken cancellationToken)
    {
        var healed = 0;
        while (true)
        {
            var drift = await store.UnhealedDriftAsync(run.RunId, options.HealBatchSize, cancellationToken);
            if (drift.Count == 0)
            {
                break;
            }

            foreach (var group in drift.GroupBy(d => d.Detail ?? ""))
            {
                var source = group.Key.StartsWith("message ", StringComparison.Ordinal) ? group.Key["message ".Length..].Split(' ')[0] : null;
                var sentAt = source is null ? time.GetUtcNow() : await SentAtOfAsync(source, cancellationToken);
                var items = group.ToList();
                var messageId = $"RECON-{run.RunId}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(items[0].ItemKey)))[..12]}";
                var payload = CorrectiveMessage(messageId, sentAt, items);
                var receipt = await intake.AcceptAsync(
                    new IncomingMessage(messageId, MessageType.Inventory, null, SourceSystem, sentAt, payload, ContentHash.Of(payload), [], [run.Channel]),
                    SourceSystem,
                    $"reconciliation-{run.RunId}",
                    cancellationToken);
                await store.MarkHealedAsync(run.RunId, items.Select(i => i.ItemKey).ToList(), receipt.MessageId, cancellationToken);
                healed += items.Count;
            }
        }

        logger.LogInformation("Reconciliation {RunId} of {Channel}: {Healed} drifted levels queued for correction", run.RunId, run.Channel, healed);
    }

    private async Task<DateTimeOffset> SentAtOfAsync(string messageId, CancellationToken cancellationToken)
    {
        var (payload, documentType) = await store.PayloadAsync(messageId, cancellationToken);
        if (documentType is null)
        {
            XNamespace ns = XmlNamespaces.Inventory;
            if ((string?)XDocument.Parse(payload).Root?.Element(ns + "SentAt") is { } text)
            {
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
        }

        return time.GetUtcNow();
    }

    private static string CorrectiveMessage(string messageId, DateTimeOffset sentAt, IReadOnlyList<ReconciliationItem> items)
    {
        var text = new StringBuilder();
        text.Append("<SubmitInventory xmlns=\"" + XmlNamespaces.Inventory + "\">");
        text.Append(CultureInfo.InvariantCulture, $"<MessageId>{messageId}</MessageId><SentAt>{sentAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'}</SentAt><SourceSystem>{SourceSystem}</SourceSystem><Items>");
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Item><Sku>{SecurityElement.Escape(item.Sku)}</Sku><Location>{SecurityElement.Escape(item.Location)}</Location><Quantity>{item.ErpQuantity}</Quantity></Item>");
        }

        text.Append("</Items></SubmitInventory>");
        return text.ToString();
    }
}
