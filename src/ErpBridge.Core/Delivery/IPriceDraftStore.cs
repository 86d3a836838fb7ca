namespace ErpBridge.Core.Delivery;

/// <summary>
/// The products each channel keeps as drafts for lack of a price (issue 15): a product created from a message without
/// a price (a material master has none) is a draft that cannot be bought; when its price is applied, the price call
/// also publishes it. Only products the bridge itself drafted for lack of a price are named here, never a blocked one.
/// </summary>
public interface IPriceDraftStore
{
    /// <summary>Which of <paramref name="skus"/> the channel keeps as drafts until their price comes.</summary>
    Task<IReadOnlySet<string>> FindAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="drafted"/> as drafted for lack of a price at <paramref name="now"/> (one recorded before
    /// keeps its first time) and forgets <paramref name="cleared"/> (published with their price, blocked, or given a
    /// price by a product message), in one write.
    /// </summary>
    Task UpdateAsync(string channel, IReadOnlyCollection<string> drafted, IReadOnlyCollection<string> cleared, DateTimeOffset now, CancellationToken cancellationToken);
}
