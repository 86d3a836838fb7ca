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

    /// <summary>
    /// The SHA-256 thumbprint (hex) of the ERP's TLS certificate, to trust exactly that certificate when the ERP's
    /// certificate comes from an internal CA this machine does not trust. Unset: the usual chain validation applies.
    /// </summary>
    public string? TrustedServerCertificateSha256 { get; set; }

    /// <summary>The route's ERP map under the maps root (e.g. <c>erp/ORDERS05</c>); none means the canonical ord:Order is sent.</summary>
    public string? Map { get; set; }

    /// <summary>The largest answer accepted, in bytes.</summary>
    public long MaxReceivedMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Parameters of the ERP map (e.g. sender-partner, sales-org for erp/ORDERS05); change-type and message-id are set per hand-over.</summary>
    public Dictionary<string, string> MapParameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What is wrong with these options, one message per problem naming the key; empty when they can work. The host
    /// calls it at start-up so that a broken route stops it with a clear message instead of failing every push.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Url is null || !Url.IsAbsoluteUri)
        {
            problems.Add("Url is required: the receiver's absolute endpoint address.");
        }
        else if (Url.Scheme != Uri.UriSchemeHttps && !(Url.Scheme == Uri.UriSchemeHttp && AllowHttp))
        {
            problems.Add($"Url must use https (Basic credentials would travel in clear text); plain http needs AllowHttp, for sandboxes only. Got {Url.Scheme}.");
        }

        if (string.IsNullOrEmpty(UserName))
        {
            problems.Add("UserName is required: the receiver authenticates with HTTP Basic.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout must be positive.");
        }

        if (MaxReceivedMessageSize <= 0)
        {
            problems.Add("MaxReceivedMessageSize must be positive.");
        }

        if (TrustedServerCertificateSha256 is { Length: > 0 } pin
            && pin.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) is var hex
            && (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)))
        {
            problems.Add("TrustedServerCertificateSha256 must be a SHA-256 thumbprint: 64 hex digits (':' and spaces allowed).");
        }

        if (!string.IsNullOrWhiteSpace(Map))
        {
            try
            {
                ErpBridge.Mapping.Maps.MapName.Normalize(Map);
            }
            catch (ArgumentException exception)
            {
                problems.Add("Map: " + exception.Message);
            }
        }

        return problems;
    }

    /// <summary>The options without the password, for logs and status pages.</summary>
    public override string ToString() =>
        $"Url={Url}, UserName={UserName}, Password={(Password.Length > 0 ? "***" : "(none)")}, Timeout={Timeout}, AllowHttp={AllowHttp}, Map={Map ?? "(canonical order)"}";
}
