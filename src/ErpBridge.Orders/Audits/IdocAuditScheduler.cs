using ErpBridge.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders.Audits;

/// <summary>Runs <see cref="SendIdocAuditsJob"/> every Interval when some source system has audits on.</summary>
public sealed class IdocAuditScheduler(ISchedulerFactory schedulers, IdocAuditOptions options, ILogger<IdocAuditScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var audited = options.Audited.ToList();
        if (audited.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetRequiredScheduler(ClusterScheduler.Name, cancellationToken);
        var job = JobBuilder.Create<SendIdocAuditsJob>().WithIdentity(SendIdocAuditsJob.Key).StoreDurably().Build();
        var every = TriggerBuilder.Create()
            .WithIdentity("idoc-audits", "audits")
            .ForJob(job)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.Interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [every], new ScheduleJobOptions { Replace = true }, cancellationToken);
        foreach (var (name, source) in audited)
        {
            logger.LogInformation("IDocs from {SourceSystem} are confirmed to ERP endpoint {Endpoint} with ALEAUD01 ({Delivered} delivered, {Failed} failed)", name, source.ErpEndpoint, source.DeliveredStatus, source.FailedStatus);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
