using ErpBridge.Connectors.Http;

namespace ErpBridge.Tests.Sandboxes.Magento;

/// <summary>
/// Signs test requests to the Magento sandbox with the connector's <see cref="OAuth1Signer"/> (itself checked against
/// the published OAuth example in the connector core's tests), with a chosen method, timestamp and nonce.
/// </summary>
internal sealed record TestOAuthSigner(string ConsumerKey, string ConsumerSecret, string Token, string TokenSecret)
{
    public string Header(string method, Uri url, string signatureMethod = "HMAC-SHA1", long? timestamp = null, string? nonce = null) =>
        new OAuth1Signer(ConsumerKey, ConsumerSecret, Token, TokenSecret, signatureMethod, TimeProvider.System)
            .AuthorizationHeader(method, url, timestamp, nonce ?? Guid.NewGuid().ToString("N"));
}
