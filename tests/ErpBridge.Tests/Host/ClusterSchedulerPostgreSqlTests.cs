using System.Collections.Concurrent;
using ErpBridge.Core.Scheduling;
using ErpBridge.Host;
using ErpBridge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace ErpBridge.Tests.Host;

/// <summary>
/// The cluster scheduler as the host configures it, on PostgreSQL with the tables of migration 0014: two nodes on one
/// database fire each schedule once, never run a non-concurrent job twice at once, and Quartz accepts the tables.
/// </summary>
[NonParallelizable]
public sealed class ClusterSchedulerPostgreSqlTests
{
    private string connectionString = "";
    private string database = "";

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("ERPBRIDGE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore("ERPBRIDGE_TEST_POSTGRES is not set (an Npgsql connection string with rights to create databases)");
        }

        database = $"erpbridge_quartz_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var batch in MigrationRunner.Batches(QuartzTables.Script("create_postgres.sql")))
        {
            await using var command = new NpgsqlCommand(batch, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (database.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("ERPBRIDGE_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task TwoNodes_FireEachScheduleOnce_AndShareTheirState()
    {
        var fires = new ConcurrentQueue<Fire>();
        await using var first = await NodeAsync(fires);
        await using var second = await NodeAsync(fires);
        foreach (var node in new[] { first, second })
        {
            // Both nodes declare the same job at start, as the bridge's schedulers do.
            var job = JobBuilder.Create<CountingJob>().WithIdentity("tick", "test").StoreDurably().Build();
            var cron = TriggerBuilder.Create().WithIdentity("tick-cron", "test").ForJob(job).WithCronSchedule("0/1 * * * * ?").Build();
            await node.Scheduler.ScheduleJob(job, [cron], new ScheduleJobOptions { Replace = true });
        }

        await Task.Delay(TimeSpan.FromSeconds(8));
        await first.Scheduler.PauseAll();
        await second.Scheduler.PauseAll();

        var byScheduledTime = fires.GroupBy(f => f.Scheduled).ToList();
        Assert.That(byScheduledTime, Has.Count.GreaterThanOrEqualTo(4), "the cron fired on neither node");
        Assert.That(byScheduledTime.Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} on {string.Join(", ", g.Select(f => f.Node))}"), Is.Empty, "a schedule fired on more than one node");
        Assert.That(first.Scheduler.SchedulerInstanceId, Is.Not.EqualTo(second.Scheduler.SchedulerInstanceId));
        Assert.That(await CountAsync($"SELECT COUNT(*) FROM {ClusterScheduler.TablePrefix}scheduler_state WHERE sched_name = '{ClusterScheduler.Name}'"), Is.EqualTo(2));
    }

    [Test]
    public async Task NonConcurrentJob_TriggeredOnBothNodesAtOnce_NeverOverlaps()
    {
        var fires = new ConcurrentQueue<Fire>();
        await using var first = await NodeAsync(fires);
        await using var second = await NodeAsync(fires);
        var job = JobBuilder.Create<SlowJob>().WithIdentity("slow", "test").StoreDurably().Build();
        await first.Scheduler.AddJob(job, new AddJobOptions { Replace = true });

        await Task.WhenAll(first.Scheduler.TriggerJob(job.Key).AsTask(), second.Scheduler.TriggerJob(job.Key).AsTask());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (SlowJob.Finished < 2 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.That(SlowJob.Finished, Is.EqualTo(2), "both triggers ran");
        Assert.That(SlowJob.MostAtOnce, Is.EqualTo(1), "the job ran on two nodes at once");
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Node> NodeAsync(ConcurrentQueue<Fire> fires)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(fires);
        builder.Services.AddErpBridgeClusterScheduler(new StorageOptions { Provider = "PostgreSql", ConnectionString = connectionString }, channels: 1);
        var host = builder.Build();
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredKeyedService<IScheduler>(ClusterScheduler.Name);
        return new Node(host, scheduler);
    }

    private sealed record Fire(string Node, DateTimeOffset? Scheduled);

    private sealed record Node(IHost Host, IScheduler Scheduler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    [DisallowConcurrentExecution]
    private sealed class CountingJob(ConcurrentQueue<Fire> fires) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            fires.Enqueue(new Fire(context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc));
            return ValueTask.CompletedTask;
        }
    }

    [DisallowConcurrentExecution]
    private sealed class SlowJob : IJob
    {
        private static int running;

        public static int Finished;

        public static int MostAtOnce;

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref MostAtOnce, now);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref Finished);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
