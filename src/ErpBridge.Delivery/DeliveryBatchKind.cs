namespace ErpBridge.Delivery;

/// <summary>How the deliveries of a batch go out.</summary>
public enum DeliveryBatchKind
{
    /// <summary>One delivery, one plan.</summary>
    Alone,

    /// <summary>Stock messages merged into one plan (one platform call where the API allows).</summary>
    Together,

    /// <summary>Shipments of the same orders, one after the other in the order they were accepted.</summary>
    InTurn,
}
