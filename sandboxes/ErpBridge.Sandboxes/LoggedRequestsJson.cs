using System.Text.Json;

namespace ErpBridge.Sandboxes;

/// <summary>
/// <c>GET /_sandbox/requests</c> of the REST sandboxes: every API request the bounded log still holds, oldest first, with
/// its body, and how many were received in all. Tests against a sandbox in another process count what reached the
/// store with it (each stock level, each shipment written once), which the state alone cannot show.
/// </summary>
public static class LoggedRequestsJson
{
    public static void Write(Utf8JsonWriter json, long total, IEnumerable<LoggedRequest> requests)
    {
        json.WriteStartObject();
        json.WriteNumber("total", total);
        json.WriteStartArray("requests");
        foreach (var request in requests)
        {
            json.WriteStartObject();
            json.WriteString("received_at", request.ReceivedAt);
            json.WriteString("method", request.Method);
            json.WriteString("path", request.Path);
            json.WriteString("query", request.Query);
            json.WriteString("body", request.Body);
            json.WriteNumber("status", request.Status);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
