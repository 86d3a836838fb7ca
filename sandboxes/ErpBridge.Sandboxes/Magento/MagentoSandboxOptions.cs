namespace ErpBridge.Sandboxes.Magento;

/// <summary>How a <see cref="MagentoSandbox"/> starts: where it listens, who may call it, and which MSI sources exist.</summary>
public sealed class MagentoSandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The admin user that <c>POST /V1/integration/admin/token</c> issues bearer tokens for.</summary>
    public string AdminUsername { get; set; } = "admin";

    public string AdminPassword { get; set; } = "sandbox-password";

    /// <summary>Admin tokens expire after this long (Magento's default: 4 hours).</summary>
    public TimeSpan AdminTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The one activated integration's four OAuth 1.0a credentials.</summary>
    public string ConsumerKey { get; set; } = "sandbox-consumer-key";

    public string ConsumerSecret { get; set; } = "sandbox-consumer-secret";

    public string IntegrationAccessToken { get; set; } = "sandbox-integration-token";

    public string IntegrationAccessTokenSecret { get; set; } = "sandbox-integration-token-secret";

    /// <summary>
    /// Stores > Configuration > Services > OAuth > "Allow OAuth Access Tokens to be used as standalone Bearer tokens".
    /// Off by default, as in Magento 2.4.4 and later: the integration token must then be used to sign requests.
    /// </summary>
    public bool AllowIntegrationTokenAsBearer { get; set; }

    /// <summary>How far an OAuth timestamp may be from the sandbox's clock (Magento: 600 s).</summary>
    public TimeSpan OAuthTimestampTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>MSI source codes; <c>default</c> is Magento's own source, present on every installation.</summary>
    public IList<string> SourceCodes { get; set; } = ["default"];

    /// <summary>Requests kept in <see cref="MagentoSandbox.Requests"/>; the oldest are dropped beyond it.</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    /// <summary>
    /// Place three demo orders (paid with tax, discount and a configurable line; a guest order awaiting payment that
    /// ships elsewhere; a cancelled one) with the SKUs of the first <see cref="MagentoSandbox.Seed"/> call. On by
    /// default, for the demo; tests that count orders turn it off.
    /// </summary>
    public bool DemoOrders { get; set; } = true;

    /// <summary>
    /// The largest <c>searchCriteria[pageSize]</c> accepted (Magento's input limiting: 300); larger pages are refused
    /// with Magento's 400 "Maximum SearchCriteria pageSize is %max".
    /// </summary>
    public int MaxPageSize { get; set; } = 300;

    /// <summary>The clock of created and updated times, admin tokens and OAuth timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
