namespace ErpBridge.Connectors;

/// <param name="Labels">This page's labels, oldest first.</param>
/// <param name="NextPageToken">Null when this is the last page.</param>
public sealed record ShipmentPage(IReadOnlyList<ShippedLabel> Labels, string? NextPageToken);
