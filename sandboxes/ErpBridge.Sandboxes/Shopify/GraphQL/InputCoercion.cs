using System.Globalization;
using System.Text.Json;
using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// Coerces variables (JSON) and literals (GraphQL values) to plain values by the schema's input types: input objects
/// become dictionaries that keep explicit nulls (so <c>changeFromQuantity: null</c> differs from an absent field),
/// Int becomes int, Float double, ID/String/Money text, enums their name.
/// </summary>
internal sealed class InputCoercion(SchemaModel schema)
{
    public object? FromJson(JsonElement value, TypeRef type, List<object> path, List<InputProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type.NonNull)
            {
                problems.Add(new InputProblem([.. path], "Expected value to not be null"));
            }

            return null;
        }

        if (type.IsList)
        {
            var items = new List<object?>();
            if (value.ValueKind != JsonValueKind.Array)
            {
                items.Add(FromJson(value, type.ItemType!, path, problems));
                return items;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                path.Add(index++);
                items.Add(FromJson(item, type.ItemType!, path, problems));
                path.RemoveAt(path.Count - 1);
            }

            return items;
        }

        var named = schema.Get(type.NamedType);
        if (named.Kind == TypeKind.Input)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new InputProblem([.. path], $"Expected \"{value.GetRawText()}\" to be a key-value object."));
                return null;
            }

            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                if (!named.InputFields.TryGetValue(property.Name, out var field))
                {
                    problems.Add(new InputProblem([.. path, property.Name], $"Field is not defined on {named.Name}"));
                    continue;
                }

                path.Add(property.Name);
                map[property.Name] = FromJson(property.Value, field.Type, path, problems);
                path.RemoveAt(path.Count - 1);
            }

            AddDefaultsAndCheckRequired(named, map, path, problems);
            return map;
        }

        return Leaf(named, value.ValueKind switch
        {
            JsonValueKind.String => (object?)value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => value,
        }, value.ValueKind == JsonValueKind.Number, path, problems, value.GetRawText());
    }

    public object? FromLiteral(GraphQLValue value, TypeRef type, IReadOnlyDictionary<string, object?> variables, List<object> path, List<InputProblem> problems)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                return variables.GetValueOrDefault(variable.Name.StringValue);
            case GraphQLNullValue:
                if (type.NonNull)
                {
                    problems.Add(new InputProblem([.. path], "Expected value to not be null"));
                }

                return null;
        }

        if (type.IsList)
        {
            if (value is not GraphQLListValue list)
            {
                return new List<object?> { FromLiteral(value, type.ItemType!, variables, path, problems) };
            }

            var items = new List<object?>();
            var index = 0;
            foreach (var item in list.Values ?? [])
            {
                path.Add(index++);
                items.Add(FromLiteral(item, type.ItemType!, variables, path, problems));
                path.RemoveAt(path.Count - 1);
            }

            return items;
        }

        var named = schema.Get(type.NamedType);
        if (named.Kind == TypeKind.Input)
        {
            if (value is not GraphQLObjectValue objectValue)
            {
                problems.Add(new InputProblem([.. path], $"Expected an input object of type {named.Name}"));
                return null;
            }

            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in objectValue.Fields ?? [])
            {
                var name = field.Name.StringValue;
                if (!named.InputFields.TryGetValue(name, out var definition))
                {
                    problems.Add(new InputProblem([.. path, name], $"Field is not defined on {named.Name}"));
                    continue;
                }

                path.Add(name);
                map[name] = FromLiteral(field.Value, definition.Type, variables, path, problems);
                path.RemoveAt(path.Count - 1);
            }

            AddDefaultsAndCheckRequired(named, map, path, problems);
            return map;
        }

        return value switch
        {
            GraphQLStringValue text => Leaf(named, text.Value.ToString(), false, path, problems, text.Value.ToString()),
            GraphQLIntValue number => Leaf(named, number.Value.ToString(), true, path, problems, number.Value.ToString()),
            GraphQLFloatValue number => Leaf(named, number.Value.ToString(), true, path, problems, number.Value.ToString()),
            GraphQLBooleanValue flag => Leaf(named, flag.BoolValue, false, path, problems, flag.BoolValue ? "true" : "false"),
            GraphQLEnumValue enumValue => named.Kind == TypeKind.Enum
                ? Leaf(named, enumValue.Name.StringValue, false, path, problems, enumValue.Name.StringValue)
                : Problem(path, problems, $"Expected type '{named.Name}', found {enumValue.Name.StringValue}."),
            _ => Problem(path, problems, $"Expected type '{named.Name}'."),
        };
    }

    private void AddDefaultsAndCheckRequired(TypeDef type, Dictionary<string, object?> map, List<object> path, List<InputProblem> problems)
    {
        foreach (var field in type.InputFields.Values)
        {
            if (map.ContainsKey(field.Name))
            {
                continue;
            }

            if (field.DefaultValue is not null)
            {
                map[field.Name] = FromLiteral(field.DefaultValue, field.Type, new Dictionary<string, object?>(), path, problems);
            }
            else if (field.Type.NonNull)
            {
                problems.Add(new InputProblem([.. path, field.Name], "Expected value to not be null"));
            }
        }
    }

    /// <summary><paramref name="raw"/> is a string, bool, or (when <paramref name="isNumber"/>) the number's text.</summary>
    private static object? Leaf(TypeDef type, object? raw, bool isNumber, List<object> path, List<InputProblem> problems, string shown)
    {
        switch (type.Name)
        {
            case "Int":
                if (isNumber && int.TryParse((string)raw!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return integer;
                }

                return Problem(path, problems, $"Could not coerce value {shown} to Int");
            case "Float":
                if (isNumber && double.TryParse((string)raw!, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    return real;
                }

                return Problem(path, problems, $"Could not coerce value {shown} to Float");
            case "Boolean":
                return raw is bool ? raw : Problem(path, problems, $"Could not coerce value {shown} to Boolean");
            case "ID":
                return raw is string || (isNumber && long.TryParse((string)raw!, out _)) ? raw : Problem(path, problems, $"Could not coerce value {shown} to ID");
            case "Money" or "Decimal":
                return (raw is string || isNumber) && decimal.TryParse((string)raw!, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                    ? raw
                    : Problem(path, problems, $"Could not coerce value {shown} to {type.Name}");
        }

        if (type.Kind == TypeKind.Enum)
        {
            return raw is string name && type.EnumValues.Contains(name)
                ? name
                : Problem(path, problems, $"Expected \"{shown}\" to be one of: {string.Join(", ", type.EnumValues)}");
        }

        return raw is string ? raw : Problem(path, problems, $"Could not coerce value {shown} to {type.Name}");
    }

    private static object? Problem(List<object> path, List<InputProblem> problems, string explanation)
    {
        problems.Add(new InputProblem([.. path], explanation));
        return null;
    }
}
