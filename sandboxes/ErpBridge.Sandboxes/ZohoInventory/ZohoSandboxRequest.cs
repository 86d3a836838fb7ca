namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>
/// One request as received, with the status it got. <see cref="Path"/> follows <c>/inventory/v1/</c> (e.g. <c>items</c>), or is
/// <c>oauth/v2/token</c>; <see cref="Query"/> starts with '?' when present, organization_id included.
/// </summary>
public sealed record ZohoSandboxRequest(DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? Body, int Status, string? ResponseBody)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");
}
