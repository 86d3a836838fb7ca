namespace ErpBridge.Core.Status;

/// <summary>What became of one item (a stock level, a product) of a delivered message on one channel. Stored by name.</summary>
public enum ItemState
{
    /// <summary>Not for this channel (a location the channel does not take): left out on purpose, not an error.</summary>
    Skipped,

    /// <summary>The channel could not take it (an unknown SKU, a reference the store cannot resolve); a dead letter of its own.</summary>
    Failed,

    /// <summary>A failed item an operator gave up on: never sent again.</summary>
    Discarded,
}
