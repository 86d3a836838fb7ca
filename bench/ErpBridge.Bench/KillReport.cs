using static System.FormattableString;

namespace ErpBridge.Bench;

/// <summary>
/// What a kill run did and found: cycles (and how many of them killed the bridge during start-up, and how many while
/// deliveries were in progress), messages accepted by kind, sends repeated for a lost receipt, each channel's
/// deliveries by status at the end, the time from the last kill until everything accepted was delivered, the store
/// checks made, and every finding (a difference between the stores and the accepted messages, or a delivery not done).
/// </summary>
internal sealed record KillReport
{
    public int Cycles { get; init; }

    public int StartupKills { get; init; }

    public int KillsWithDeliveriesInProgress { get; init; }

    /// <summary>Claims killed processes left (deliveries InProgress under their worker id), over all kills.</summary>
    public int OrphanedClaims { get; init; }

    public int OrphanedDeliveries { get; init; }

    /// <summary>The most claims without an outcome one delivery had: what a crash-loop limit would count.</summary>
    public int MostOrphanedClaims { get; init; }

    public int DeliveriesOrphanedFiveTimes { get; init; }

    public int AcceptedStock { get; init; }

    public int AcceptedProducts { get; init; }

    public int AcceptedShipments { get; init; }

    public int Accepted => AcceptedStock + AcceptedProducts + AcceptedShipments;

    public int Resends { get; init; }

    public int Duplicates { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Deliveries { get; init; }

    public bool Drained { get; init; }

    public double DrainSeconds { get; init; }

    public double RunSeconds { get; init; }

    public required StoreCheckResult Checks { get; init; }

    public required IReadOnlyList<string> Findings { get; init; }

    public void Print(TextWriter writer)
    {
        writer.WriteLine(Invariant($"cycles                 {Cycles} SIGKILLs ({StartupKills} 0-2 s after start without waiting for /health, {KillsWithDeliveriesInProgress} with deliveries InProgress), then one undisturbed start"));
        writer.WriteLine(Invariant($"claims left by kills   {OrphanedClaims} on {OrphanedDeliveries} deliveries; at most {MostOrphanedClaims} on one delivery; {DeliveriesOrphanedFiveTimes} deliveries left claimed by 5 or more killed processes"));
        writer.WriteLine(Invariant($"accepted               {Accepted} messages: {AcceptedStock} stock, {AcceptedProducts} products, {AcceptedShipments} shipments (4 channels each)"));
        writer.WriteLine(Invariant($"receipts lost          {Resends} sends without a receipt were sent again; {Duplicates} of the resends were answered Duplicate (stored before the kill)"));
        foreach (var (channel, counts) in Deliveries.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(Invariant($"{channel,-22} {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}"));
        }

        writer.WriteLine(Invariant($"drained                {(Drained ? "yes" : "NO")}, {DrainSeconds:0.0} s after the last kill"));
        writer.WriteLine(Invariant($"checked on 4 stores    {Checks.ShipmentMarks} shipment marks (exactly once), {Checks.StockLevels} stock levels (newest SentAt), {Checks.Products} products (once, newest title)"));
        writer.WriteLine(Invariant($"run time               {RunSeconds:0.0} s"));
        writer.WriteLine(Findings.Count == 0 ? "findings               none" : Invariant($"findings               {Findings.Count}:"));
        foreach (var finding in Findings.Take(50))
        {
            writer.WriteLine("  " + finding);
        }
    }
}
