namespace ErpBridge.Bench;

/// <summary>What a message of a kill run carries.</summary>
internal enum KillMessageKind
{
    Stock,
    Product,
    Shipment,
}
