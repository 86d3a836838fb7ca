namespace ErpBridge.Sandboxes.Magento;

/// <summary>
/// One API request as received (authenticated), with the status it got and how it was authenticated
/// (<c>admin-bearer</c>, <c>integration-bearer</c>, <c>oauth-HMAC-SHA256</c>, ...). <see cref="Path"/> follows the store
/// code (e.g. <c>V1/products</c>); <see cref="Query"/> starts with '?' when present.
/// </summary>
public sealed record MagentoRequest(DateTimeOffset ReceivedAt, string Store, string Method, string Path, string Query, string? Body, int Status, string Auth)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}
