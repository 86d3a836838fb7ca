namespace ErpBridge.Core.Audits;

/// <summary>A received document whose deliveries have all ended, with the stored request (<paramref name="Payload"/>) it came in.</summary>
public sealed record SettledDocument(string MessageId, string SourceSystem, string DocumentType, string Payload, IReadOnlyList<SettledDelivery> Deliveries);
