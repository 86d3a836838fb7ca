using Microsoft.Extensions.Logging;
using Quartz;

namespace ErpBridge.Orders.Audits;

/// <summary>Queues and sends ALE audits; never two runs at once on a node (claims keep nodes apart).</summary>
[DisallowConcurrentExecution]
public sealed class SendIdocAuditsJob(IdocAuditRunner runner, ILogger<SendIdocAuditsJob> logger) : IJob
{
    public static readonly JobKey Key = new("idoc-audits", "audits");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: claims expire and the audits are sent after the restart.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sending IDoc audits failed");
        }
    }
}
