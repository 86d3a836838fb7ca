using ErpBridge.Core.Delivery;

namespace ErpBridge.Host.OperatorConsole;

/// <summary>Resubmitting and discarding dead letters, as the dead-letter page and a message's page both do it.</summary>
public static class DeadLetterActions
{
    /// <summary>Resubmits (or discards) the failed deliveries and failed items matching the arguments (null = any); the count of both.</summary>
    public static async Task<int> ApplyAsync(IDeliveryStore deliveries, string? messageId, string? channel, string? item, bool discard, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (discard)
        {
            return await deliveries.DiscardAsync(messageId, channel, item, $"discarded by {by} in the console", now, cancellationToken);
        }

        return (await DeadLetterResubmit.RunAsync(deliveries, messageId, channel, item, now, cancellationToken)).Total;
    }

    public static string Describe(int count, bool discard) => count switch
    {
        0 => "Nothing matched: no dead letter was " + (discard ? "discarded." : "resubmitted."),
        _ when discard => $"Discarded {count} dead letter(s); they will not be sent.",
        _ => $"Resubmitted {count} dead letter(s); the bridge sends them at its next round.",
    };
}
