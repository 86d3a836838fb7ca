using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// Credentials whose secret expires and is renewed by the connector itself (Zoho's one-hour OAuth access token, from a
/// refresh token): the transport makes sure a current one is held before each request, and renews it once and repeats
/// the request when the platform refuses it with 401 (revoked, or expired early).
/// </summary>
internal interface IRenewableCredentials : IChannelCredentials
{
    /// <summary>Null once a current secret is held (renewed shortly before it expires); otherwise the failure renewing came to.</summary>
    Task<DeliveryOutcome?> EnsureCurrentAsync(CancellationToken cancellationToken);

    /// <summary>The platform refused the secret held: it is dropped, so that the next <see cref="EnsureCurrentAsync"/> renews it.</summary>
    void Refused();
}
