using System.Globalization;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Fulfillment</c>, with its one tracking entry when it has one.</summary>
internal sealed record FulfillmentNode(FulfillmentEntity Fulfillment) : IGraphNode
{
    public string TypeName => "Fulfillment";

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "id" => Fulfillment.Id,
        "name" => Fulfillment.Name,
        "status" => "SUCCESS",
        "createdAt" => Fulfillment.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "totalQuantity" => Fulfillment.Lines.Sum(l => l.Quantity),
        "trackingInfo" => Fulfillment.TrackingNumber is null && Fulfillment.TrackingCompany is null && Fulfillment.TrackingUrl is null
            ? new List<IGraphNode>()
            : [new TrackingInfoNode(Fulfillment)],
        _ => null,
    };
}
