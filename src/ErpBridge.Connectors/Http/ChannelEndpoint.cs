namespace ErpBridge.Connectors.Http;

/// <summary>Where a channel's requests go: its platform and name (for messages), its configured BaseUrl, and the API root requests are relative to.</summary>
internal sealed record ChannelEndpoint(string Platform, string Channel, string BaseUrl, Uri ApiRoot);
