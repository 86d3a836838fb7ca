namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// An object of the response graph. Resolves one field at a time, so only what the document selects is computed.
/// Values are null, strings, numbers, booleans, other nodes, or lists of those.
/// </summary>
internal interface IGraphNode
{
    string TypeName { get; }

    object? Resolve(FieldCall call);
}
