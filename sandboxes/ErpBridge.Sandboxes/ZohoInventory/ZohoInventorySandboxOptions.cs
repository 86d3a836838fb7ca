namespace ErpBridge.Sandboxes.ZohoInventory;

/// <summary>How a <see cref="ZohoInventorySandbox"/> starts: where it listens, the OAuth client it accepts, its organisation and limits.</summary>
public sealed class ZohoInventorySandboxOptions
{
    /// <summary>Listen address; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public string OrganizationId { get; set; } = "10234695";

    public string ClientId { get; set; } = "1000.SANDBOXCLIENT";

    public string ClientSecret { get; set; } = "sandbox-client-secret";

    /// <summary>The refresh token the accounts endpoint accepts (grant_type=refresh_token).</summary>
    public string RefreshToken { get; set; } = "1000.sandbox-refresh-token";

    /// <summary>The life of an access token: an hour, as Zoho's.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Location names, given ids 460000000038080, ...081, ... in this order; the first is the primary location.</summary>
    public IList<string> Locations { get; set; } = ["WH1"];

    /// <summary>Off by default so that tests and demos are not slowed.</summary>
    public bool RateLimitEnabled { get; set; }

    /// <summary>Requests per minute per organisation (Zoho: 100).</summary>
    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>Requests per day per organisation (Zoho Free: 1,000); counted whether or not the limit is enabled.</summary>
    public int DailyLimit { get; set; } = 1000;

    /// <summary>Requests kept in <see cref="ZohoInventorySandbox.Requests"/>.</summary>
    public int MaxLoggedRequests { get; set; } = 10_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
