namespace ErpBridge.Soap;

/// <summary>
/// A configured limit of the gate was exceeded while reading a request; the inspector answers it as LimitExceeded.
/// An exception because it must leave the XML stack (validating reader, serializer) from inside a Read.
/// </summary>
internal sealed class GateLimitException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
