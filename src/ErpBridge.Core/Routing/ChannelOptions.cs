namespace ErpBridge.Core.Routing;

/// <summary>
/// One configured store. Credentials belong in environment variables or user secrets
/// (ErpBridge__Channels__NAME__AccessToken), never in a committed file.
/// </summary>
public sealed class ChannelOptions
{
    public string Platform { get; set; } = "";

    public string BaseUrl { get; set; } = "";

    /// <summary>Shopify Admin API token, BigCommerce X-Auth-Token, Magento admin or integration token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>BigCommerce store hash.</summary>
    public string? StoreHash { get; set; }

    /// <summary>API2Cart account key (header x-api-key).</summary>
    public string? ApiKey { get; set; }

    /// <summary>API2Cart key of the connected cart (header x-store-key).</summary>
    public string? StoreKey { get; set; }

    /// <summary>WooCommerce consumer key, Magento integration consumer key, ShipStation API key.</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>WooCommerce consumer secret, Magento integration consumer secret, ShipStation API secret.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>Magento integration access token secret, for OAuth 1.0a-signed requests (with ConsumerKey/Secret and AccessToken).</summary>
    public string? AccessTokenSecret { get; set; }

    /// <summary>Zoho Inventory: the organisation every call names (<c>organization_id</c>).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Zoho Inventory: the OAuth client id, client secret and refresh token the access tokens are refreshed with.</summary>
    public string? ClientId { get; set; }

    /// <summary>Zoho Inventory: the OAuth client secret (see <see cref="ClientId"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Zoho Inventory: the long-lived refresh token (see <see cref="ClientId"/>).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Zoho Inventory: the accounts server of the organisation's data centre (https://accounts.zoho.com/, .eu, .in, ...).</summary>
    public string? AccountsUrl { get; set; }

    /// <summary>Pinned API version where the platform versions its API (Shopify: 2026-01).</summary>
    public string? ApiVersion { get; set; }

    /// <summary>
    /// ERP location (plant / storage location) code → platform location id. Codes not listed are looked up on the
    /// platform by location name (Shopify) or code (BigCommerce).
    /// </summary>
    public Dictionary<string, string> Locations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// WooCommerce: how shipments are recorded. CompleteOrder (default; every store): tracking stored on the order and a
    /// customer note, the order completed once every line is shipped. Fulfillments: WooCommerce's core fulfillments API
    /// (WooCommerce 10.1+ with the feature on). Passed to the map as the parameter shipment-mode.
    /// </summary>
    public string? ShipmentMode { get; set; }

    /// <summary>
    /// Shipping channels: the secret a webhook call must carry as <c>?key=</c> on <c>POST /webhooks/shipping/{channel}</c>
    /// (ShipStation signs nothing); none turns the endpoint off for the channel. At least 16 characters.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Extra xsl:param values for this channel's outbound maps (e.g. weight-unit = lb); see xslt/README.md.</summary>
    public Dictionary<string, string> MapParameters { get; set; } = new(StringComparer.Ordinal);
}
