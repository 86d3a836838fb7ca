namespace ErpBridge.Connectors;

/// <param name="CreatedSince">Labels created at or after this instant (the poller already subtracted its overlap window).</param>
/// <param name="PageToken">Null for the first page; otherwise what the previous page returned.</param>
/// <param name="PageSize">Wanted labels per page; the connector caps it at the platform's maximum.</param>
public sealed record ShipmentQuery(DateTimeOffset CreatedSince, string? PageToken, int PageSize);
