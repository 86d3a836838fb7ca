using ErpBridge.Connectors.Http;

namespace ErpBridge.Connectors.Api2Cart;

/// <summary>Settings shared by every API2Cart channel's connector; the common ones are on <see cref="ConnectorOptions"/>.</summary>
public sealed class Api2CartConnectorOptions : ConnectorOptions
{
    public Api2CartConnectorOptions()
    {
        // API2Cart's developer recommendations: at most 5 simultaneous calls to one store (10 per account).
        MaxConnectionsPerChannel = 5;
    }

    /// <summary>
    /// Calls in flight at once per channel (API2Cart allows 5 per store and 10 per account; an account with several
    /// stores should give each channel its share).
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 5;

    /// <summary>
    /// Requests per second per channel, or null (the default) for none: API2Cart publishes no request rate, only the
    /// concurrency above, but the cart behind it may have one (return code 110).
    /// </summary>
    public double? RequestsPerSecond { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1, nameof(MaxConcurrentRequests));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxConcurrentRequests, 10, nameof(MaxConcurrentRequests));
        FixedRatePacer.Validate(RequestsPerSecond, nameof(RequestsPerSecond));
    }
}
