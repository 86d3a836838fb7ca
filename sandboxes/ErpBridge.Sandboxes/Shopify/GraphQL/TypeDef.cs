namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A named type of the schema: its output fields, input fields or enum values, by kind.</summary>
internal sealed class TypeDef(string name, TypeKind kind)
{
    public string Name { get; } = name;

    public TypeKind Kind { get; } = kind;

    public Dictionary<string, FieldDef> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InputValueDef> InputFields { get; } = new(StringComparer.Ordinal);

    public HashSet<string> EnumValues { get; } = new(StringComparer.Ordinal);

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;
}
