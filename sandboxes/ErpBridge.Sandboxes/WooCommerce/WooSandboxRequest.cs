namespace ErpBridge.Sandboxes.WooCommerce;

/// <summary>
/// One API request as received (authenticated), with the status it got. <see cref="Path"/> follows <c>/wp-json/wc/v3/</c>;
/// <see cref="Query"/> is the query without the oauth_* parameters, starting with '?' when present.
/// </summary>
public sealed record WooSandboxRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? Body, int Status)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}
