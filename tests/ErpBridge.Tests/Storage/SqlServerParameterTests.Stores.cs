using ErpBridge.Core.Alerts;
using ErpBridge.Core.Audits;
using ErpBridge.Core.Delivery;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Messages;
using ErpBridge.Core.Operators;
using ErpBridge.Core.Orders;
using ErpBridge.Core.Reconciliation;
using ErpBridge.Core.Retention;
using ErpBridge.Core.Status;
using ErpBridge.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Storage;

/// <summary>Every store method, so that every statement is sent once (a statement none of them sends fails the test).</summary>
public sealed partial class SqlServerParameterTests
{
    private static async Task RunEveryStoreMethodAsync(CommandRecorder recorder)
    {
        var options = new StorageOptions { Provider = "SqlServer", ConnectionString = "Server=recorder" };
        await new MigrationRunner(recorder.Dialect, options.ConnectionString, new FakeTimeProvider(T0), NullLogger<MigrationRunner>.Instance).ApplyAsync(None);
        await using var messages = new SqlMessageStore(recorder.Dialect, options, NullLogger<SqlMessageStore>.Instance);
        await MessagesAsync(recorder, messages);
        await DeliveriesAsync(recorder, new SqlDeliveryStore(recorder.Dialect, options, messages));
        await OrdersAsync(recorder, new SqlOrderStore(recorder.Dialect, options, messages));
        await ReconciliationAsync(recorder, new SqlReconciliationStore(recorder.Dialect, options, messages));
        await AuditsAsync(recorder, new SqlIdocAuditStore(recorder.Dialect, options, messages));
        await RetentionAsync(recorder, new SqlRetentionStore(recorder.Dialect, options, messages));
        await new SqlNonceStore(recorder.Dialect, options, messages).TryUseAsync("demo-erp:nonce", T0, T0.AddMinutes(10), None);
        var drafts = new SqlPriceDraftStore(recorder.Dialect, options, messages);
        await drafts.FindAsync("shop-a", ["A-1"], None);
        await drafts.UpdateAsync("shop-a", ["A-1"], ["A-2"], T0, None);
        await ConsoleAsync(new SqlConsoleStore(recorder.Dialect, options, messages, new FakeTimeProvider(T0)));
        var keys = new SqlConsoleKeyStore(recorder.Dialect, options, messages);
        await keys.AddAsync("key-1", "<key />", T0, None);
        await keys.ReadAllAsync(None);
        await AlertsAsync(new SqlAlertStore(recorder.Dialect, options, messages));
        await MonitoringAsync(recorder, new SqlMonitoringStore(recorder.Dialect, options, messages));
    }

    private static async Task ConsoleAsync(SqlConsoleStore console)
    {
        await console.RecordAsync(new OperatorAction(0, T0, "ann", "Pause", null, "shop-a", "maintenance"), None);
        await console.ListAsync("m-1", "shop-a", 10, None);
        await console.SearchAsync(new MessageSearch("m-1", "SAP-ECC", "Inventory", DeliveryStatus.Failed, "SKU-1", T0.AddDays(-1), T0, T0, "m-0"), None);
        await console.GetAsync("m-1", None);
        await console.GetOrderAsync("shop-a:1001", None);
        await console.RecentRunIdsAsync("shop-a", 10, None);
    }


    private static async Task AlertsAsync(SqlAlertStore alerts)
    {
        await alerts.EnqueueAsync([new OutboxAlert("a-1", "ops", "{}")], T0, None);
        await alerts.TransitionAsync("pause:shop-a", null, "active", [], T0, None);
        await alerts.TransitionAsync("pause:shop-a", "active", "Operator|x", [], T0, None);
        await alerts.GetStateAsync("pause:shop-a", None);
        await alerts.ClaimAsync(10, T0, TimeSpan.FromMinutes(1), None);
        await alerts.CompleteAsync(new ClaimedAlert("a-1", "ops", "{}", 0, T0), AlertSendState.Pending, T0.AddMinutes(1), "HTTP 500", T0, None);
        await alerts.LastOrderPollsAsync(None);
    }


    private static async Task MonitoringAsync(CommandRecorder recorder, SqlMonitoringStore monitoring)
    {
        await monitoring.CountDeliveriesAsync("shop-a", None);
        await monitoring.CountItemsAsync("shop-a", None);
        recorder.Rows[nameof(SqlDialect.SelectChannelBacklog)] = CommandRecorder.Table(new { Waiting = 1L, EarliestPending = T0.UtcDateTime, EarliestRetry = T0.UtcDateTime, DeliveredSince = 1L });
        await monitoring.ReadBacklogAsync("shop-a", T0, None);
        await monitoring.LastPollAsync("shop-a", None);
    }

    private static async Task MessagesAsync(CommandRecorder recorder, SqlMessageStore messages)
    {
        var message = new IncomingMessage("m-1", MessageType.Inventory, null, "SAP-ECC", T0.AddMinutes(-1), "<a/>", new string('a', 64), []);
        var request = new AcceptRequest(message, ["shop-a"], T0, "corr-1", "sap-pi");
        await messages.AcceptAsync(request, None);

        // Stored before: the accept reads what is there.
        recorder.Affected[nameof(SqlDialect.InsertMessageIfAbsent)] = 0;
        recorder.Rows[nameof(SqlDialect.SelectStoredMessage)] = CommandRecorder.Table(new { ContentHash = message.ContentHash, ReceivedAt = T0.UtcDateTime });
        await messages.AcceptAsync(request, None);

        recorder.Rows[nameof(SqlDialect.SelectStatusMessage)] = CommandRecorder.Table(new { MessageId = "m-1", MessageType = "Inventory", ReceivedAt = T0.UtcDateTime });
        await messages.GetStatusAsync("m-1", None);
        recorder.Rows[nameof(SqlDialect.Ping)] = CommandRecorder.Table(new { Count = 1L });
        await messages.PingAsync(None);
    }

    private static async Task DeliveriesAsync(CommandRecorder recorder, SqlDeliveryStore deliveries)
    {
        await deliveries.TryLeaseChannelAsync("shop-a", "w1", T0, TimeSpan.FromMinutes(2), None);
        await deliveries.RenewChannelLeaseAsync("shop-a", "w1", T0, TimeSpan.FromMinutes(2), None);
        await deliveries.ReleaseChannelAsync("shop-a", "w1", None);

        recorder.Rows[nameof(SqlDialect.ClaimDeliveries)] = CommandRecorder.Table(new { DeliveryId = 1L, MessageId = "m-1", Attempts = 0L, UnfinishedClaims = 0L, RetryFrom = T0.UtcDateTime });
        recorder.Rows[nameof(SqlDialect.SelectMessagesById)] = CommandRecorder.Table(new
        {
            MessageId = "m-1",
            MessageType = "Inventory",
            DocumentType = (string?)null,
            SentAt = T0.UtcDateTime,
            ReceivedAt = T0.UtcDateTime,
            Payload = "<a/>",
            Canonical = (string?)null,
        });
        await deliveries.ClaimAsync("shop-a", "w1", 10, T0, TimeSpan.FromMinutes(5), None);
        await deliveries.ReleaseClaimsAsync("shop-a", "w1", [1], T0, None);
        await deliveries.GetItemVersionsAsync("shop-a", ["inv:A@L"], None);

        var version = new ItemVersion(T0.AddMinutes(-1), T0, "m-1");
        DeliveryResult[] results =
        [
            new(1, "m-1", DeliveryStatus.Delivered, 1, null, null, "delivered", version, ["inv:A@L"], [ItemOutcome.Failed("inv:B@L", "refused")]),
            new(2, "m-2", DeliveryStatus.RetryScheduled, 1, T0.AddMinutes(1), "busy", "retry", version, []),
        ];
        await deliveries.CompleteAsync("shop-a", "w1", results, T0, None);
        await deliveries.ListDeadLettersAsync("shop-a", 10, None);
        await deliveries.ResubmitAsync("m-1", null, T0, None);
        await deliveries.DiscardAsync("m-1", "shop-a", null, "discarded by ann", T0, None);
        await deliveries.DiscardAsync("m-1", "shop-a", "inv:B@L", "discarded by ann", T0, None);
        await deliveries.GetHistoryAsync("m-1", None);
        await deliveries.CountAsync(None);
        await deliveries.PauseChannelAsync(new ChannelPause("shop-a", PauseKind.Credentials, "401", T0, T0.AddMinutes(5)), None);
        await deliveries.PauseChannelAsync(new ChannelPause("shop-a", PauseKind.Operator, "maintenance", T0, null), None);
        await deliveries.ResumeChannelAsync("shop-a", PauseKind.Operator, None);
        await deliveries.GetPauseAsync("shop-a", None);
        await deliveries.ListPausesAsync(None);
        await deliveries.ResubmitItemsAsync("m-1", "shop-a", "inv:B@L", T0, None);
        await deliveries.GetResentItemsAsync("shop-a", None);
        await deliveries.CountItemsAsync(None);
    }

    private static async Task OrdersAsync(CommandRecorder recorder, SqlOrderStore orders)
    {
        await orders.GetCursorAsync("shop-a", None);
        await orders.SaveCursorAsync("shop-a", T0.AddMinutes(-5), T0, None);

        var order = new OrderRevision("shop-a", "1001", "#1001", T0.AddMinutes(-2), false, "<order/>", new string('b', 64));
        await orders.UpsertAsync([order], OrderHandover.Pull, T0, None);
        recorder.Rows[nameof(SqlDialect.SelectOrderForUpsert)] = CommandRecorder.Table(new { ContentHash = order.ContentHash, PlatformUpdatedAt = T0.AddMinutes(-3).UtcDateTime });
        await orders.UpsertAsync([order], OrderHandover.Pull, T0, None);
        recorder.Rows[nameof(SqlDialect.SelectOrderForUpsert)] = CommandRecorder.Table(new { ContentHash = new string('c', 64), PlatformUpdatedAt = T0.AddMinutes(-3).UtcDateTime });
        await orders.UpsertAsync([order with { Cancelled = true }], OrderHandover.Push, T0, None);

        await orders.FetchAsync(10, "shop-a", T0, TimeSpan.FromMinutes(5), None);
        await orders.ClaimPushesAsync("shop-a", 10, T0, TimeSpan.FromMinutes(5), None);
        recorder.Rows[nameof(SqlDialect.SelectOrderForAcknowledge)] = CommandRecorder.Table(new
        {
            Revision = 2L,
            FetchedRevision = (long?)2L,
            AcknowledgedRevision = (long?)1L,
            ErpDocumentNumber = (string?)null,
        });
        await orders.AcknowledgeAsync([new OrderAcknowledgement(order.OrderId, 2, "4500000001")], T0, None);
        await orders.CompletePushAsync(new PushCompletion(order.OrderId, 2, null, "refused", false, T0.AddMinutes(10)), T0, None);
        await orders.FindAsync([order.OrderId], None);
        await orders.ChannelsOfOrderNumbersAsync(["#1001"], None);
        await orders.ListAsync("shop-a", OrderState.Pending, 10, None);
        await orders.ResubmitAsync(order.OrderId, null, T0, None);
        await orders.CountAsync("shop", None);
    }

    private static async Task ReconciliationAsync(CommandRecorder recorder, SqlReconciliationStore runs)
    {
        recorder.Rows[nameof(SqlDialect.InsertRun)] = CommandRecorder.Table(new { RunId = 7L });
        recorder.Rows[nameof(SqlDialect.SelectRun)] = CommandRecorder.Table(new
        {
            RunId = 7L,
            Channel = "shop-a",
            Status = "Running",
            Phase = "ReadingStore",
            TriggerBy = "schedule",
            Heal = true,
            StartedAt = T0.UtcDateTime,
            FinishedAt = (DateTime?)null,
            PageToken = (string?)null,
            Pages = 0L,
            LevelsRead = 0L,
            Error = (string?)null,
        });
        await runs.StartAsync("shop-a", "schedule", heal: true, T0, None);
        await runs.GetAsync(7, None);
        await runs.LatestAsync("shop-a", None);
        await runs.RunningAsync(None);

        ReconciledLevel[] levels = [new("A", "L", 5, "m-1", "level 5")];
        await runs.SaveStorePageAsync(7, levels, "page-2", last: false, None);
        await foreach (var unused in runs.DeliveredStockVersionsAsync("shop-a", None))
        {
        }

        await foreach (var unused in runs.UndeliveredStockAsync("shop-a", None))
        {
        }

        recorder.Rows[nameof(SqlDialect.SelectPayload)] = CommandRecorder.Table(new { Payload = "<a/>", DocumentType = (string?)null });
        await runs.PayloadAsync("m-1", None);
        await runs.SaveErpLevelsAsync(7, levels, None);
        await runs.SaveInFlightAsync(7, levels, None);
        await runs.CompareAsync(7, None);
        await runs.SaveOrderFindingsAsync(7, [new OrderFinding("order:shop-a:1001", "#1001", ReconciliationClass.Drift, "not in the ERP")], None);
        await runs.SetPhaseAsync(7, ReconciliationPhase.Healing, None);
        await runs.UnhealedDriftAsync(7, 10, None);
        await runs.MarkHealedAsync(7, ["inv:A@L"], "heal-1", None);
        await runs.FinishAsync(7, ReconciliationStatus.Completed, null, T0, None);
        await runs.CountsAsync(7, None);
        await runs.HealedCountAsync(7, None);
        await runs.ItemsAsync(7, ReconciliationClass.Drift, "inv:0", 10, None);
    }

    private static async Task AuditsAsync(CommandRecorder recorder, SqlIdocAuditStore audits)
    {
        recorder.Rows[nameof(SqlDialect.SelectSettledDocuments)] = CommandRecorder.Table(new { MessageId = "m-1", SourceSystem = "SAP-ECC", DocumentType = "LOISTD01", Payload = "<doc/>" });
        recorder.Rows[nameof(SqlDialect.SelectSettledDeliveries)] = CommandRecorder.Table(new { Channel = "shop-a", Status = "Delivered", LastError = (string?)null, FailedItemKey = "inv:B@L" });
        await audits.FindSettledAsync("SAP-ECC", T0.AddDays(-1), 10, None);
        await audits.EnqueueAsync(new IdocAuditEntry("m-1", "SAP-ECC", "sap", "audit-1", "53", "<ALEAUD01/>", IdocAuditState.Pending), T0, None);
        await audits.ClaimDueAsync(10, T0, TimeSpan.FromMinutes(2), None);
        await audits.CompleteAsync(new IdocAuditCompletion("m-1", IdocAuditState.Pending, null, "timeout", T0.AddMinutes(1)), T0, None);
        await audits.FindAsync("m-1", None);
    }

    private static async Task RetentionAsync(CommandRecorder recorder, SqlRetentionStore retention)
    {
        recorder.Rows[nameof(SqlDialect.SelectDeliveredMessages)] = CommandRecorder.Table(new { MessageId = "m-1", ReceivedAt = T0.UtcDateTime });
        await retention.FindDeliveredMessagesAsync(T0.AddDays(-30), new MessageKey(T0.AddDays(-60), ""), 10, None);
        await retention.PurgeDeliveredMessagesAsync(["m-1"], T0.AddDays(-30), None);
        await retention.PurgeAcknowledgedOrdersAsync(T0.AddDays(-90), 10, None);
        await retention.PurgeSentIdocAuditsAsync(T0.AddDays(-30), 10, None);
        recorder.Rows[nameof(SqlDialect.SelectOldRuns)] = CommandRecorder.Table(new { RunId = 7L });
        await retention.FindOldReconciliationRunsAsync(T0.AddDays(-30), None);
        await retention.PurgeReconciliationRunAsync(7, T0.AddDays(-30), 10, None);
    }
}
