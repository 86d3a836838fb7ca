using System.Text.Json;
using System.Text.Json.Nodes;
using ErpBridge.Core.Alerts;

namespace ErpBridge.Host.Alerts;

/// <summary>
/// Turns an alert into its outbox rows: one JSON body, with a fresh id (the receiver's de-duplication key), for each
/// webhook that takes its kind. The body is fixed here, so every retry sends the same bytes.
/// </summary>
public sealed class AlertPublisher(AlertOptions options, TimeProvider time)
{
    public const string Source = "ErpBridge";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The rows for <paramref name="alert"/>: none when no webhook takes its kind.</summary>
    public IReadOnlyList<OutboxAlert> Rows(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var webhooks = options.Webhooks.Where(w => w.Value.Takes(alert.Kind)).Select(w => w.Key).ToList();
        if (webhooks.Count == 0)
        {
            return [];
        }

        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("D");
        var body = Body(id, alert, time.GetUtcNow());
        return webhooks.Select(w => new OutboxAlert(id, w, body)).ToList();
    }

    /// <summary>The payload's stable shape (docs/alerts.md).</summary>
    public static string Body(string id, Alert alert, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = new JsonObject
        {
            ["id"] = id,
            ["event"] = alert.Event,
            ["kind"] = alert.Kind.ToString(),
            ["status"] = alert.Resolved ? "resolved" : "firing",
            ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
            ["channel"] = alert.Channel,
            ["occurredAt"] = occurredAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = alert.Summary,
            ["source"] = Source,
            ["details"] = alert.Details.DeepClone(),
        };
        return body.ToJsonString(Compact);
    }
}
