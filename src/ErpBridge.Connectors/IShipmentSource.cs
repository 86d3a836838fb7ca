namespace ErpBridge.Connectors;

/// <summary>
/// A shipping system the bridge polls for labels bought since a time (ShipStation shipments, Shippo transactions).
/// Implemented by the platform's connector, so that polling shares the channel's HTTP client, credentials and pacing
/// with delivery. Never throws for platform behaviour: failures come back as <see cref="ShipmentReadResult.Failure"/>.
/// </summary>
public interface IShipmentSource
{
    /// <summary>
    /// One page of the labels created at or after <see cref="ShipmentQuery.CreatedSince"/>, oldest first; the first page
    /// without a token, each next one with the token the previous page returned, until a page returns none.
    /// </summary>
    Task<ShipmentReadResult> ReadShipmentsAsync(ShipmentQuery query, CancellationToken cancellationToken);
}
