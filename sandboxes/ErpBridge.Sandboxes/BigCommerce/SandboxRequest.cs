namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>
/// One API request as received (authenticated and within the rate limit), with the status it got. <see cref="Path"/>
/// is what follows the store hash (e.g. <c>v3/catalog/products</c>); <see cref="Query"/> starts with '?' when present.
/// </summary>
public sealed record SandboxRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? Body, int Status)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}
