namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>Thrown while validating or coercing; becomes a top-level error and no data.</summary>
internal sealed class GraphQLRequestException(GraphQLError error) : Exception(error.Message)
{
    public GraphQLError Error { get; } = error;
}
