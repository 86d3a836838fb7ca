namespace ErpBridge.Core.Alerts;

/// <summary>An alert claimed for sending. <paramref name="Attempts"/> counts the sends before this one.</summary>
public sealed record ClaimedAlert(string AlertId, string Webhook, string Body, int Attempts, DateTimeOffset CreatedAt);
