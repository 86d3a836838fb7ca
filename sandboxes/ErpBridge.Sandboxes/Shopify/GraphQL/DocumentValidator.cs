using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// The checks Shopify makes before running anything: fields and arguments exist on their types, required arguments
/// are given, leaves have no selections and objects have some, variables are declared, directives are known.
/// Messages and codes follow Shopify's (GraphQL Ruby's) wording.
/// </summary>
internal sealed class DocumentValidator(SchemaModel schema, PreparedDocument prepared)
{
    private static readonly HashSet<string> KnownDirectives = ["idempotent", "include", "skip"];

    private readonly List<GraphQLError> errors = [];

    private HashSet<string> declared = [];

    private string operationLabel = "";

    public List<GraphQLError> Validate()
    {
        var operations = prepared.Document!.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            errors.Add(new GraphQLError("Document does not contain any operations", "NO_OPERATIONS"));
        }

        foreach (var operation in operations)
        {
            var root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => null,
            };
            if (root is null)
            {
                errors.Add(new GraphQLError("Subscriptions are not supported", "UNSUPPORTED_OPERATION", prepared.LineAndColumn(operation)));
                continue;
            }

            declared = (operation.Variables?.Items ?? []).Select(v => v.Variable.Name.StringValue).ToHashSet(StringComparer.Ordinal);
            operationLabel = $"{(operation.Operation == OperationType.Query ? "query" : "mutation")} '{operation.Name?.StringValue ?? "anonymous"}'";
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                var type = TypeRef.From(variable.Type);
                if (schema.Find(type.NamedType) is not { Kind: not TypeKind.Object })
                {
                    errors.Add(new GraphQLError($"{type.NamedType} isn't a defined input type (on ${variable.Variable.Name.StringValue})", "variableRequiresValidType", prepared.LineAndColumn(variable)));
                }
            }

            var path = new List<object> { operation.Operation == OperationType.Query ? "query" : "mutation" };
            ValidateSelections(operation.SelectionSet, root, path, depth: 0);
        }

        return errors;
    }

    private void ValidateSelections(GraphQLSelectionSet set, TypeDef parent, List<object> path, int depth)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    ValidateField(field, parent, path, depth);
                    break;
                case GraphQLInlineFragment inline:
                    ValidateSelections(inline.SelectionSet, TypeCondition(inline.TypeCondition, parent, inline), path, depth);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!prepared.Fragments.TryGetValue(name, out var fragment))
                    {
                        errors.Add(new GraphQLError($"Fragment {name} was used, but not defined", "useAndDefineFragment", prepared.LineAndColumn(spread)));
                    }
                    else if (depth < 20)
                    {
                        ValidateSelections(fragment.SelectionSet, TypeCondition(fragment.TypeCondition, parent, fragment), path, depth + 1);
                    }

                    break;
            }
        }
    }

    private TypeDef TypeCondition(GraphQLTypeCondition? condition, TypeDef parent, ASTNode node)
    {
        if (condition is null)
        {
            return parent;
        }

        var name = condition.Type.Name.StringValue;
        if (schema.Find(name) is { Kind: TypeKind.Object } type)
        {
            return type;
        }

        errors.Add(new GraphQLError($"No such type {name}, so it can't be a fragment condition", "undefinedType", prepared.LineAndColumn(node)));
        return parent;
    }

    private void ValidateField(GraphQLField field, TypeDef parent, List<object> path, int depth)
    {
        var name = field.Name.StringValue;
        path.Add(field.Alias?.Name.StringValue ?? name);
        try
        {
            if (name == "__typename")
            {
                return;
            }

            if (!parent.Fields.TryGetValue(name, out var definition))
            {
                errors.Add(new GraphQLError($"Field '{name}' doesn't exist on type '{parent.Name}'", "undefinedField", prepared.LineAndColumn(field))
                {
                    Path = [.. path],
                    Extensions = [new("typeName", parent.Name), new("fieldName", name)],
                });
                return;
            }

            ValidateArguments(field, definition, path);
            foreach (var directive in field.Directives?.Items ?? [])
            {
                var directiveName = directive.Name.StringValue;
                if (!KnownDirectives.Contains(directiveName))
                {
                    errors.Add(new GraphQLError($"Directive @{directiveName} is not defined", "undefinedDirective", prepared.LineAndColumn(directive)) { Path = [.. path] });
                }

                foreach (var argument in directive.Arguments?.Items ?? [])
                {
                    CheckVariables(argument.Value, path);
                }
            }

            var type = schema.Get(definition.Type.NamedType);
            if (type.IsLeaf && field.SelectionSet is not null)
            {
                errors.Add(new GraphQLError($"Selections can't be made on scalars (field '{name}' returns {type.Name} but has selections [{string.Join(", ", field.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue))}])", "selectionMismatch", prepared.LineAndColumn(field)) { Path = [.. path] });
            }
            else if (!type.IsLeaf && field.SelectionSet is null)
            {
                errors.Add(new GraphQLError($"Field must have selections (field '{name}' returns {definition.Type} but has no selections. Did you mean '{name} {{ ... }}'?)", "selectionMismatch", prepared.LineAndColumn(field)) { Path = [.. path] });
            }
            else if (field.SelectionSet is not null)
            {
                ValidateSelections(field.SelectionSet, type, path, depth);
            }
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private void ValidateArguments(GraphQLField field, FieldDef definition, List<object> path)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var argumentName = argument.Name.StringValue;
            given.Add(argumentName);
            if (!definition.Arguments.ContainsKey(argumentName))
            {
                errors.Add(new GraphQLError($"Field '{definition.Name}' doesn't accept argument '{argumentName}'", "argumentNotAccepted", prepared.LineAndColumn(argument)) { Path = [.. path] });
                continue;
            }

            CheckVariables(argument.Value, path);
        }

        var missing = definition.Arguments.Values.Where(a => a.Type.NonNull && a.DefaultValue is null && !given.Contains(a.Name)).Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new GraphQLError($"Field '{definition.Name}' is missing required arguments: {string.Join(", ", missing)}", "missingRequiredArguments", prepared.LineAndColumn(field)) { Path = [.. path] });
        }
    }

    private void CheckVariables(GraphQLValue value, List<object> path)
    {
        switch (value)
        {
            case GraphQLVariable variable when !declared.Contains(variable.Name.StringValue):
                errors.Add(new GraphQLError($"Variable ${variable.Name.StringValue} is used by {operationLabel} but not declared", "variableNotDefined", prepared.LineAndColumn(variable)) { Path = [.. path] });
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    CheckVariables(item, path);
                }

                break;
            case GraphQLObjectValue map:
                foreach (var item in map.Fields ?? [])
                {
                    CheckVariables(item.Value, path);
                }

                break;
        }
    }
}
