namespace ErpBridge.ErpPush;

/// <summary>
/// Where and how a route reaches the ERP's order receiver. Bound from configuration (e.g. a route's
/// <c>Erp</c> section: Url, UserName, Password, Timeout, AllowHttp, Map).
/// </summary>
public sealed class ErpEndpointOptions
{
    /// <summary>The receiver's endpoint address (the WSDL's soap:address), e.g. https://erp.example.com/sap/xi/OrderReceiverService.</summary>
    public Uri? Url { get; set; }

    /// <summary>The HTTP Basic user (an SAP communication user).</summary>
    public string UserName { get; set; } = "";

    /// <summary>The HTTP Basic password. Never logged, never shown by <see cref="ToString"/>.</summary>
    public string Password { get; set; } = "";

    /// <summary>How long one push may take, connect to answer; a push that takes longer is a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a plain-http Url is accepted. Off by default: Basic credentials travel in clear text over http.
    /// Only for a sandbox on loopback or a test system behind the same firewall.
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>The route's ERP map under the maps root (e.g. <c>erp/ORDERS05</c>); none means the canonical ord:Order is sent.</summary>
    public string? Map { get; set; }

    /// <summary>The largest answer accepted, in bytes.</summary>
    public long MaxReceivedMessageSize { get; set; } = 1024 * 1024;

    /// <summary>The options without the password, for logs and status pages.</summary>
    public override string ToString() =>
        $"Url={Url}, UserName={UserName}, Password={(Password.Length > 0 ? "***" : "(none)")}, Timeout={Timeout}, AllowHttp={AllowHttp}, Map={Map ?? "(canonical order)"}";
}
