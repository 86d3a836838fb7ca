namespace ErpBridge.Sandboxes.Shopify;

/// <summary>A GraphQL request as the sandbox received it (past auth and version checks): the path, the document and the variables as JSON.</summary>
public sealed record ShopifyGraphQLRequest(string Path, string Query, string? VariablesJson);
