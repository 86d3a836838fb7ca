namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>The kinds of named types the sandbox's schema subset uses.</summary>
internal enum TypeKind
{
    Scalar,
    Enum,
    Object,
    Input,
}
