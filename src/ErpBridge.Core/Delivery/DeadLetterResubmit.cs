namespace ErpBridge.Core.Delivery;

/// <summary>What a resubmit of dead letters put back: whole failed deliveries, and failed items of delivered messages.</summary>
public sealed record DeadLetterResubmit(int Deliveries, int Items)
{
    public int Total => Deliveries + Items;

    /// <summary>
    /// Resubmits the dead letters matching the arguments (null = any): the failed deliveries whole (unless one item is
    /// named, which only a delivered message's item row can be), then the failed items of delivered messages. The one
    /// rule the console and the <c>resubmit</c> command share.
    /// </summary>
    public static async Task<DeadLetterResubmit> RunAsync(IDeliveryStore store, string? messageId, string? channel, string? item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var deliveries = item is null ? await store.ResubmitAsync(messageId, channel, now, cancellationToken) : 0;
        var items = await store.ResubmitItemsAsync(messageId, channel, item, now, cancellationToken);
        return new DeadLetterResubmit(deliveries, items);
    }
}
