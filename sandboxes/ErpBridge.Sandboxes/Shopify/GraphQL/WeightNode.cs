namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary><c>Weight</c>.</summary>
internal sealed record WeightNode(double Value, string Unit) : IGraphNode
{
    public string TypeName => "Weight";

    public object? Resolve(FieldCall call) => call.Name == "value" ? Value : Unit;
}
