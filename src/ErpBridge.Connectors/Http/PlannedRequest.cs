namespace ErpBridge.Connectors.Http;

/// <summary>One request of a plan call: its URL relative to the API root (query encoded), its JSON body, and the keys (SKUs) whose ids it uses.</summary>
internal sealed record PlannedRequest(string RelativeUrl, byte[]? Body, IReadOnlyList<string> Keys)
{
    public PlannedRequest(string relativeUrl, byte[]? body)
        : this(relativeUrl, body, [])
    {
    }
}
