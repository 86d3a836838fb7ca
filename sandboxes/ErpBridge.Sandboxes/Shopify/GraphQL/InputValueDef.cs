using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>An argument or input field, with its default (a literal) when it has one.</summary>
internal sealed record InputValueDef(string Name, TypeRef Type, GraphQLValue? DefaultValue);
