namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A reason an input value was refused, at a path inside the value (as Shopify reports it).</summary>
internal sealed record InputProblem(IReadOnlyList<object> Path, string Explanation);
