namespace ErpBridge.Core.Alerts;

/// <summary>One alert for one webhook as the outbox keeps it: the JSON body is sent unchanged on every attempt.</summary>
public sealed record OutboxAlert(string AlertId, string Webhook, string Body);
