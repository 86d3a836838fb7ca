namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A user error of a payload; <see cref="TypeName"/> is the payload's own error type.</summary>
internal sealed record UserErrorNode(string TypeName, UserError Error) : IGraphNode
{
    public static List<IGraphNode> List(string typeName, IEnumerable<UserError> errors) => errors.Select(e => (IGraphNode)new UserErrorNode(typeName, e)).ToList();

    public object? Resolve(FieldCall call) => call.Name switch
    {
        "field" => Error.Field,
        "message" => Error.Message,
        "code" => Error.Code,
        _ => null,
    };
}
