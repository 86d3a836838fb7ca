namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A field of an object type, with its arguments.</summary>
internal sealed record FieldDef(string Name, TypeRef Type, IReadOnlyDictionary<string, InputValueDef> Arguments);
