namespace ErpBridge.Connectors.Http;

/// <summary>How a channel presents its credentials on a request: headers, and for some (OAuth 1.0a in the query) the URL itself.</summary>
internal interface IChannelCredentials
{
    /// <summary>"bearer", "oauth1", "token", ...: for messages, never a secret.</summary>
    string Kind { get; }

    /// <summary>
    /// The URL to send to and the headers to add for <paramref name="method"/> on <paramref name="url"/>; with
    /// <paramref name="masked"/>, as a dry run shows them (the secrets replaced, the scheme kept).
    /// </summary>
    SignedRequest Sign(HttpMethod method, Uri url, bool masked = false);
}
