namespace ErpBridge.Connectors;

/// <summary>
/// A dry run could not reach the channel's store at all (connection refused, name not found, timed out). The same
/// on every platform; an <see cref="InvalidOperationException"/>, so that the operator's dry-run command reports it
/// as a failed command with its message.
/// </summary>
public sealed class StoreUnreachableException(string channel, string baseUrl, string reason)
    : InvalidOperationException($"channel '{channel}' cannot reach its store at {baseUrl}: {reason}")
{
    public string Channel { get; } = channel;

    public string BaseUrl { get; } = baseUrl;

    public string Reason { get; } = reason;
}
