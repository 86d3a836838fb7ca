namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>FulfillmentTrackingInfo</c>.</summary>
internal sealed record TrackingInfoNode(FulfillmentEntity Fulfillment) : IGraphNode
{
    public string TypeName => "FulfillmentTrackingInfo";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "number" => Fulfillment.TrackingNumber,
        "company" => Fulfillment.TrackingCompany,
        "url" => Fulfillment.TrackingUrl,
        _ => null,
    };
}
