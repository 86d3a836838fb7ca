using System.Net.Http.Headers;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Http;

/// <summary>
/// What one request came to: the status, headers and body of the answer, and the failure it amounts to (null for
/// success); or, when no answer came (connection error, timeout), only the failure.
/// </summary>
internal sealed record TransportResponse(int? Status, byte[] Body, HttpResponseHeaders? Headers, DeliveryOutcome? Failure)
{
    public static TransportResponse Failed(DeliveryOutcome failure) => new(null, [], null, failure);

    /// <summary>A whole number the answer gave in a header (e.g. X-WP-TotalPages), if any.</summary>
    public long? Number(string header) => Headers is null ? null : RetryAfterReader.WholeNumber(Headers, header);
}
