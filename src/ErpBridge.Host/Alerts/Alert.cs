using System.Text.Json.Nodes;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// One alert as raised. <paramref name="Event"/> is the payload's event name (<c>channel.paused</c>, ...);
/// <paramref name="Resolved"/> marks the end of a condition that alerted before (<c>status: resolved</c>).
/// </summary>
public sealed record Alert(AlertKind Kind, string Event, AlertSeverity Severity, string? Channel, string Summary, JsonObject Details, bool Resolved = false);
