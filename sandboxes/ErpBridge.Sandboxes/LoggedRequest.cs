namespace ErpBridge.Sandboxes;

/// <summary>One API request a sandbox logged, as <c>GET /_sandbox/requests</c> lists it.</summary>
public sealed record LoggedRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? Body, int Status);
