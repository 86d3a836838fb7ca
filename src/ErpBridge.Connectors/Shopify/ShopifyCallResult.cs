using System.Text.Json;
using ErpBridge.Core.Delivery;

namespace ErpBridge.Connectors.Shopify;

/// <summary>One call's answer: the <c>data</c> of a successful response, or the failure it amounts to.</summary>
internal sealed record ShopifyCallResult(JsonElement Data, DeliveryOutcome? Failure)
{
    /// <summary>Shopify answered THROTTLED (a rate-limit refusal in a 200), counted as a 429 is.</summary>
    public bool Throttled { get; init; }

    public static ShopifyCallResult Failed(DeliveryOutcome failure) => new(default, failure);
}
