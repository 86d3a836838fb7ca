using ErpBridge.Core.Retention;
using ErpBridge.Core.Status;
using ErpBridge.Host.Retention;
using ErpBridge.Storage;
using ErpBridge.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErpBridge.Tests.Host.Retention;

/// <summary>The purge run on a real SQLite file: batches no larger than configured, kinds turned off, and intake going on meanwhile.</summary>
public sealed class PurgeRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Old = Now.AddDays(-40);
    private StorageDatabase database = null!;
    private SqlMessageStore messages = null!;
    private RetentionData data = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        database = await StorageDatabase.CreateAsync(new StorageTarget("Sqlite"));
        messages = database.CreateStore();
        data = new RetentionData(database, messages);
    }

    [TearDown]
    public async Task DropAsync()
    {
        await messages.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task RunAsync_MoreMessagesThanABatch_DeletesThemAllInBatchesOfAtMostBatchSize()
    {
        await AcceptDeliveredAsync(23, Old);
        await data.AcceptAsync("dead", Old, "d");
        await data.SettleAsync("d", DeliveryStatus.Failed, Old);
        var store = new CountingRetentionStore(new SqlRetentionStore(database.Dialect, database.Options, messages));
        var runner = Runner(store, new RetentionOptions { BatchSize = 2, BatchPause = TimeSpan.Zero });

        var report = await runner.RunAsync(CancellationToken.None);

        Assert.That(store.MessageBatches, Is.EqualTo(Enumerable.Repeat(2, 11).Append(1)));
        Assert.That(store.Searches, Is.EqualTo(2), "found ten batches at a time");
        Assert.That(report.Kinds.Single(k => k.Kind == "DeliveredMessages").Rows, Is.EqualTo(23 * 3), "each message, its delivery and its audit row");
        Assert.That(report.Kinds.Single(k => k.Kind == "DeliveredMessages").Before, Is.EqualTo(Now.AddDays(-30)));
        Assert.That(report.Kinds.Select(k => k.Kind), Is.EqualTo(new[] { "DeliveredMessages", "IdocAudits", "AcknowledgedOrders", "ReconciliationRuns" }));
        Assert.That(report.Error, Is.Null);
        Assert.That(runner.Last, Is.SameAs(report));
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM messages"), Is.EqualTo(1), "the dead letter stays");
        Assert.That(await data.ExistsAsync("dead"), Is.True);
    }

    [Test]
    public async Task RunAsync_KindWithAgeZeroOrEmpty_IsKept()
    {
        await AcceptDeliveredAsync(3, Old);
        var runner = Runner(new SqlRetentionStore(database.Dialect, database.Options, messages), new RetentionOptions { DeliveredMessages = TimeSpan.Zero, AcknowledgedOrders = null });

        var report = await runner.RunAsync(CancellationToken.None);

        Assert.That(report.Kinds.Select(k => k.Kind), Is.EqualTo(new[] { "IdocAudits", "ReconciliationRuns" }));
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM messages"), Is.EqualTo(3));
    }

    [Test]
    public async Task RunAsync_WhileMessagesAreAccepted_BothFinish()
    {
        const int OldMessages = 2_000;
        const int NewMessages = 300;
        await AcceptDeliveredAsync(OldMessages, Old);
        var runner = Runner(new SqlRetentionStore(database.Dialect, database.Options, messages), new RetentionOptions { BatchSize = 50, BatchPause = TimeSpan.FromMilliseconds(20) });

        // Forty batches with a pause after each: the purge outlasts the first accepts.
        var purge = Task.Run(() => runner.RunAsync(CancellationToken.None));
        var accepted = 0;
        var acceptedDuringPurge = 0;
        var intake = Task.Run(async () =>
        {
            for (var i = 0; i < NewMessages; i += 10)
            {
                await Task.WhenAll(Enumerable.Range(i, 10).Select(n => data.AcceptAsync($"new-{n}", Now, "a")));
                accepted += 10;
                acceptedDuringPurge += purge.IsCompleted ? 0 : 10;
            }
        });
        await Task.WhenAll(purge, intake).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.That(accepted, Is.EqualTo(NewMessages));
        Assert.That(acceptedDuringPurge, Is.GreaterThan(0), "accepts were answered while the purge ran");
        Assert.That((await purge).Kinds.Single(k => k.Kind == "DeliveredMessages").Rows, Is.EqualTo(OldMessages * 3));
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM messages WHERE message_id LIKE 'old-%'"), Is.Zero);
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM messages WHERE message_id LIKE 'new-%'"), Is.EqualTo(NewMessages));
        Assert.That(await data.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'Pending'"), Is.EqualTo(NewMessages), "each new message keeps its delivery");
    }

    private static PurgeRunner Runner(IRetentionStore store, RetentionOptions options) =>
        new(store, options, new FakeTimeProvider(Now), NullLogger<PurgeRunner>.Instance);

    /// <summary>Messages old-0 … accepted on channel a at <paramref name="at"/> (ten at a time, as concurrent requests) and delivered then.</summary>
    private async Task AcceptDeliveredAsync(int count, DateTimeOffset at)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(50))
        {
            await Task.WhenAll(chunk.Select(n => data.AcceptAsync($"old-{n}", at.AddMilliseconds(n), "a")));
        }

        await data.SettleAsync("a", DeliveryStatus.Delivered, at.AddHours(1));
    }
}
