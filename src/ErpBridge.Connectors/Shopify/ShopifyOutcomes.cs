using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Shopify;

/// <summary>
/// Shopify's differences from <see cref="StatusClassifier"/> at the HTTP level: only what to check when it refuses
/// the token. What a 200 means (THROTTLED, other GraphQL errors, userErrors) is <see cref="ShopifyResponseReader"/>'s.
/// </summary>
internal sealed class ShopifyOutcomes(string channel, RetryAfterReader waits) : StatusClassifier("Shopify", channel, waits)
{
    protected override string AuthenticationHint =>
        "check the channel's AccessToken (an Admin API access token of a custom app) and the app's access scopes";
}
