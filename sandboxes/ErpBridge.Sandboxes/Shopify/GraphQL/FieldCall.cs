using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A field being resolved: its name, its coerced arguments, and the AST node (for directives).</summary>
internal sealed record FieldCall(string Name, IReadOnlyDictionary<string, object?> Arguments, GraphQLField Field, ExecutionContext Context)
{
    public T? Argument<T>(string name) => Arguments.TryGetValue(name, out var value) && value is T typed ? typed : default;
}
