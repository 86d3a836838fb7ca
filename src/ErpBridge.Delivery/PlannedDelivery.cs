using ErpBridge.Core.Delivery;
using ErpBridge.Core.Messages;

namespace ErpBridge.Delivery;

/// <summary>A claimed delivery with its canonical message, as the round planner leaves it: superseded items removed.</summary>
public sealed class PlannedDelivery(ClaimedDelivery claim, CanonicalMessage message)
{
    public ClaimedDelivery Claim { get; } = claim;

    public CanonicalMessage Message { get; } = message;

    /// <summary>How many of the message's items were left out because a newer message carries them.</summary>
    public int Superseded { get; internal set; }

    /// <summary>Items left out before mapping because they are not for this channel (a location it does not take).</summary>
    public IReadOnlyList<ItemOutcome> Skipped { get; internal set; } = [];

    /// <summary>Prices only: the earliest moment a price left out because it is not valid yet becomes valid (see <see cref="PriceScope"/>).</summary>
    public DateTimeOffset? WaitingUntil { get; internal set; }

    /// <summary>Prices only: how many prices wait for <see cref="WaitingUntil"/> or later.</summary>
    public int Waiting { get; internal set; }

    /// <summary>
    /// Prices only: when the latest of the prices sent now became valid. A price that waited for its day counts its
    /// retry age (MaxRetryAge) from then, not from when the message arrived.
    /// </summary>
    public DateTimeOffset? DueFrom { get; internal set; }

    /// <summary>When set, this attempt sends only these items again (an operator resubmitted them after they failed).</summary>
    public IReadOnlySet<string>? Resent { get; internal set; }
}
