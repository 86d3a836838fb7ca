using System.Collections;
using System.Text.Json;
using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>One request being answered: the document, coerced variables, and the projection of nodes onto selections.</summary>
internal sealed class ExecutionContext(SchemaModel schema, PreparedDocument document, IReadOnlyDictionary<string, object?> variables, ShopifyStore store)
{
    private readonly InputCoercion coercion = new(schema);

    public SchemaModel Schema { get; } = schema;

    public PreparedDocument Document { get; } = document;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public ShopifyStore Store { get; } = store;

    /// <summary>Objects and connections actually returned, for <c>actualQueryCost</c> of queries.</summary>
    public int ActualCost { get; set; }

    /// <summary>True while a bulk operation runs the document: connections then hold every node, unpaged.</summary>
    public bool Bulk { get; init; }

    /// <summary>Coerces the variables of <paramref name="operation"/> from the request's JSON, as Shopify does before running.</summary>
    public static Dictionary<string, object?> CoerceVariables(SchemaModel schema, PreparedDocument document, GraphQLOperationDefinition operation, JsonElement? json)
    {
        var coercion = new InputCoercion(schema);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            var type = TypeRef.From(definition.Type);
            var problems = new List<InputProblem>();
            if (json is { ValueKind: JsonValueKind.Object } given && given.TryGetProperty(name, out var value))
            {
                values[name] = coercion.FromJson(value, type, [], problems);
                Throw(document, definition, name, type, problems, value.GetRawText());
            }
            else if (definition.DefaultValue is not null)
            {
                values[name] = coercion.FromLiteral(definition.DefaultValue, type, values, [], problems);
            }
            else if (type.NonNull)
            {
                problems.Add(new InputProblem([], "Expected value to not be null"));
                Throw(document, definition, name, type, problems, "null");
            }
        }

        return values;
    }

    public Dictionary<string, object?> Arguments(GraphQLField field, FieldDef definition)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var name = argument.Name.StringValue;
            if (argument.Value is GraphQLVariable variable && !Variables.ContainsKey(variable.Name.StringValue))
            {
                // A variable the request did not provide leaves the argument absent, not null.
                continue;
            }

            values[name] = coercion.FromLiteral(argument.Value, definition.Arguments[name].Type, Variables, [name], problems);
        }

        foreach (var argument in definition.Arguments.Values)
        {
            if (!values.ContainsKey(argument.Name) && argument.DefaultValue is not null)
            {
                values[argument.Name] = coercion.FromLiteral(argument.DefaultValue, argument.Type, Variables, [], problems);
            }
        }

        if (problems.Count > 0)
        {
            var problem = problems[0];
            throw new GraphQLRequestException(new GraphQLError(
                $"Argument '{problem.Path[0]}' on Field '{definition.Name}' has an invalid value: {problem.Explanation}", "argumentLiteralsIncompatible", Document.LineAndColumn(field)));
        }

        return values;
    }

    /// <summary>The value of a directive's argument on a field (literal or variable), or null.</summary>
    public string? DirectiveArgument(GraphQLField field, string directive, string argument)
    {
        var node = field.Directives?.Items.FirstOrDefault(d => d.Name.StringValue == directive);
        var value = node?.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value;
        return value switch
        {
            GraphQLVariable variable => Variables.GetValueOrDefault(variable.Name.StringValue) as string,
            GraphQLStringValue text => text.Value.ToString(),
            _ => null,
        };
    }

    public bool HasDirective(GraphQLField field, string directive) => field.Directives?.Items.Any(d => d.Name.StringValue == directive) == true;

    public void WriteObject(Utf8JsonWriter writer, IGraphNode node, TypeDef type, GraphQLSelectionSet selections)
    {
        writer.WriteStartObject();
        WriteSelections(writer, node, type, selections, new HashSet<string>(StringComparer.Ordinal));
        writer.WriteEndObject();
    }

    private void WriteSelections(Utf8JsonWriter writer, IGraphNode node, TypeDef type, GraphQLSelectionSet selections, HashSet<string> written)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    WriteField(writer, node, type, field, written);
                    break;
                case GraphQLInlineFragment inline when inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == node.TypeName:
                    WriteSelections(writer, node, type, inline.SelectionSet, written);
                    break;
                case GraphQLFragmentSpread spread when Document.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && fragment.TypeCondition.Type.Name.StringValue == node.TypeName:
                    WriteSelections(writer, node, type, fragment.SelectionSet, written);
                    break;
            }
        }
    }

    private void WriteField(Utf8JsonWriter writer, IGraphNode node, TypeDef type, GraphQLField field, HashSet<string> written)
    {
        if (!Included(field))
        {
            return;
        }

        var name = field.Name.StringValue;
        var key = field.Alias?.Name.StringValue ?? name;
        if (!written.Add(key))
        {
            return;
        }

        if (name == "__typename")
        {
            writer.WriteString(key, node.TypeName);
            return;
        }

        var definition = type.Fields[name];
        var value = node.Resolve(new FieldCall(name, Arguments(field, definition), field, this));
        writer.WritePropertyName(key);
        WriteValue(writer, value, definition.Type, field.SelectionSet);
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, TypeRef type, GraphQLSelectionSet? selections)
    {
        switch (value)
        {
            case IGraphNode node:
                ActualCost += node is ConnectionNode ? 2 : node.TypeName.EndsWith("Edge", StringComparison.Ordinal) || node.TypeName == "PageInfo" ? 0 : 1;
                WriteObject(writer, node, Schema.Get(type.NamedType), selections!);
                break;
            case string or bool or int or long or double or decimal or null:
                PlainJson.Write(writer, value);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, type.ItemType ?? type, selections);
                }

                writer.WriteEndArray();
                break;
            default:
                PlainJson.Write(writer, value);
                break;
        }
    }

    private bool Included(GraphQLField field)
    {
        foreach (var directive in field.Directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            if (name is not ("include" or "skip"))
            {
                continue;
            }

            var condition = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value switch
            {
                GraphQLBooleanValue flag => flag.BoolValue,
                GraphQLVariable variable => Variables.GetValueOrDefault(variable.Name.StringValue) is true,
                _ => false,
            };
            if (condition != (name == "include"))
            {
                return false;
            }
        }

        return true;
    }

    private static void Throw(PreparedDocument document, GraphQLVariableDefinition definition, string name, TypeRef type, List<InputProblem> problems, string rawValue)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var first = problems[0];
        var where = first.Path.Count == 0 ? "" : $" for {string.Join('.', first.Path)}";
        throw new GraphQLRequestException(new GraphQLError(
            $"Variable ${name} of type {type} was provided invalid value{where} ({first.Explanation})", "INVALID_VARIABLE", document.LineAndColumn(definition))
        {
            Extensions =
            [
                new("value", JsonSerializer.Deserialize<JsonElement>(rawValue).ToString()),
                new("problems", problems.Select(p => (object?)new Dictionary<string, object?> { ["path"] = p.Path, ["explanation"] = p.Explanation }).ToList()),
            ],
        });
    }
}
