using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// Shopify's calculated query cost, simplified: scalars and enums 0, objects 1, a connection 2 plus its page size
/// times the cost of one node, a mutation field 10. Computed from the document and variables before running.
/// </summary>
internal static class QueryCost
{
    public const int MutationCost = 10;

    public static int Requested(ExecutionContext context, GraphQLOperationDefinition operation)
    {
        if (operation.Operation == OperationType.Mutation)
        {
            return MutationCost * operation.SelectionSet.Selections.OfType<GraphQLField>().Count(f => f.Name.StringValue != "__typename");
        }

        return Cost(context, operation.SelectionSet, context.Schema.Query, depth: 0);
    }

    private static int Cost(ExecutionContext context, GraphQLSelectionSet? selections, TypeDef type, int depth)
    {
        if (selections is null || depth > 20)
        {
            return 0;
        }

        var total = 0;
        foreach (var selection in selections.Selections)
        {
            total += selection switch
            {
                GraphQLField field when field.Name.StringValue != "__typename" => FieldCost(context, field, type, depth),
                GraphQLInlineFragment inline => Cost(context, inline.SelectionSet, type, depth + 1),
                GraphQLFragmentSpread spread when context.Document.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    => Cost(context, fragment.SelectionSet, context.Schema.Find(fragment.TypeCondition.Type.Name.StringValue) ?? type, depth + 1),
                _ => 0,
            };
        }

        return total;
    }

    private static int FieldCost(ExecutionContext context, GraphQLField field, TypeDef parent, int depth)
    {
        var definition = parent.Fields[field.Name.StringValue];
        var type = context.Schema.Get(definition.Type.NamedType);
        if (type.IsLeaf || type.Name == "PageInfo")
        {
            return 0;
        }

        var inner = Cost(context, field.SelectionSet, type, depth + 1);
        if (type.Name.EndsWith("Connection", StringComparison.Ordinal))
        {
            var arguments = context.Arguments(field, definition);
            var size = arguments.GetValueOrDefault("first") as int? ?? arguments.GetValueOrDefault("last") as int? ?? 0;
            return 2 + (Math.Max(size, 0) * inner);
        }

        return type.Name.EndsWith("Edge", StringComparison.Ordinal) ? inner : 1 + inner;
    }
}
