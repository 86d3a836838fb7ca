namespace ErpBridge.Connectors.Http;

/// <summary>A request's URL and credential headers, as <see cref="IChannelCredentials"/> made them.</summary>
internal sealed record SignedRequest(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers);
