using Quartz;

namespace ErpBridge.Orders;

/// <summary>Runs a push channel's job right away when a poll stored new revisions, instead of at its next interval.</summary>
public sealed class OrderPushWakeup
{
    private volatile IScheduler? scheduler;

    public void Attach(IScheduler attached) => scheduler = attached;

    public async Task WakeAsync(string channel, CancellationToken cancellationToken)
    {
        if (scheduler is { } current && await current.Exists(PushOrdersJob.KeyFor(channel), cancellationToken))
        {
            await current.TriggerJob(PushOrdersJob.KeyFor(channel), null, cancellationToken);
        }
    }
}
