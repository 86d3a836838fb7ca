using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>A type reference as written in SDL or a variable definition: named, list, non-null.</summary>
internal sealed record TypeRef(string? Name, TypeRef? ItemType, bool NonNull)
{
    public bool IsList => ItemType is not null;

    public string NamedType => Name ?? ItemType!.NamedType;

    public TypeRef Nullable => this with { NonNull = false };

    public override string ToString() => (IsList ? $"[{ItemType}]" : Name) + (NonNull ? "!" : "");

    public static TypeRef From(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => From(nonNull.Type) with { NonNull = true },
        GraphQLListType list => new TypeRef(null, From(list.Type), false),
        GraphQLNamedType named => new TypeRef(named.Name.StringValue, null, false),
        _ => throw new InvalidOperationException($"Unknown type node {type.Kind}."),
    };
}
