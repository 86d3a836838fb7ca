namespace ErpBridge.Bench;

/// <summary>
/// One message of a kill run, as sent (and sent again under the same MessageId until a receipt comes back): its kind,
/// SentAt, and what the stores must show for it: stock levels at the run's location, a product's title, or the
/// seeded order a shipment ships (by its number in the run, on every store).
/// </summary>
internal sealed record KillMessage(string MessageId, long Sequence, KillMessageKind Kind, DateTimeOffset SentAt, string Body)
{
    public IReadOnlyList<(string Sku, int Quantity)> Levels { get; init; } = [];

    public (string Sku, string Title)? Product { get; init; }

    public int? Order { get; init; }
}
