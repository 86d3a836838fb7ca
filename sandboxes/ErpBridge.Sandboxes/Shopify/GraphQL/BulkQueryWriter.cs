using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// Runs a bulk query and writes its result as Shopify does: JSON Lines, one object per line, every node of a nested
/// connection on its own line after its parent with <c>__parentId</c> set to the parent's id. The document is
/// projected with the ordinary executor, with connections unpaged.
/// </summary>
internal static class BulkQueryWriter
{
    /// <summary>Why Shopify would refuse this bulk query, or null when it can run.</summary>
    public static string? Problem(PreparedDocument document)
    {
        if (document.Errors.Count > 0)
        {
            return $"Invalid bulk query: {document.Errors[0].Message}";
        }

        var operations = document.Document!.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1 || operations[0].Operation != OperationType.Query)
        {
            return "Bulk queries must contain exactly one query operation (mutations are run with bulkOperationRunMutation).";
        }

        var fields = operations[0].SelectionSet.Selections.OfType<GraphQLField>().ToList();
        var schema = SchemaModel.Shopify;
        if (fields.Count != 1 || !schema.Get(schema.Query.Fields[fields[0].Name.StringValue].Type.NamedType).Name.EndsWith("Connection", StringComparison.Ordinal))
        {
            return "Bulk queries must contain exactly one top-level field, and it must be a connection.";
        }

        return null;
    }

    /// <summary>Writes every line of the result; returns the number of objects and of top-level objects.</summary>
    public static (long Objects, long Roots) Write(Stream output, PreparedDocument document, ShopifyStore store)
    {
        var schema = SchemaModel.Shopify;
        var operation = document.SelectOperation(null);
        var context = new ExecutionContext(schema, document, new Dictionary<string, object?>(), store) { Bulk = true };
        var field = operation.SelectionSet.Selections.OfType<GraphQLField>().Single();
        var definition = schema.Query.Fields[field.Name.StringValue];
        var connection = (ConnectionNode)new QueryRootNode(store).Resolve(new FieldCall(field.Name.StringValue, context.Arguments(field, definition), field, context))!;
        var (nodeType, nodeSelections) = NodeSelection(schema, schema.Get(definition.Type.NamedType), field.SelectionSet);
        long objects = 0, roots = 0;
        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var node in connection.Items)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                context.WriteObject(writer, node, nodeType, nodeSelections);
            }

            var json = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
            objects += Emit(output, schema, json, nodeType, nodeSelections, parentId: null);
            roots++;
        }

        return (objects, roots);
    }

    private static long Emit(Stream output, SchemaModel schema, JsonObject json, TypeDef type, GraphQLSelectionSet selections, string? parentId)
    {
        var children = new List<(JsonObject Child, TypeDef Type, GraphQLSelectionSet Selections)>();
        foreach (var field in selections.Selections.OfType<GraphQLField>())
        {
            if (!type.Fields.TryGetValue(field.Name.StringValue, out var definition) || !definition.Type.NamedType.EndsWith("Connection", StringComparison.Ordinal))
            {
                continue;
            }

            var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
            if (json[key] is not JsonObject nested)
            {
                continue;
            }

            json.Remove(key);
            var (childType, childSelections) = NodeSelection(schema, schema.Get(definition.Type.NamedType), field.SelectionSet);
            var list = nested["edges"] is JsonArray edges ? edges.Select(e => e?["node"]) : nested["nodes"] is JsonArray nodes ? nodes : [];
            children.AddRange(list.OfType<JsonObject>().Select(c => (c, childType, childSelections)));
        }

        if (parentId is not null)
        {
            json["__parentId"] = parentId;
        }

        output.Write(JsonSerializer.SerializeToUtf8Bytes(json));
        output.WriteByte((byte)'\n');
        long count = 1;
        if (children.Count == 0)
        {
            return count;
        }

        var id = json["id"]?.GetValue<string>()
            ?? throw new GraphQLRequestException(new GraphQLError("The parent of a nested connection must select the 'id' field."));
        foreach (var (child, childType, childSelections) in children)
        {
            count += Emit(output, schema, child, childType, childSelections, id);
        }

        return count;
    }

    /// <summary>The node type and selections of a connection field: <c>edges { node { … } }</c> or <c>nodes { … }</c>.</summary>
    private static (TypeDef Type, GraphQLSelectionSet Selections) NodeSelection(SchemaModel schema, TypeDef connection, GraphQLSelectionSet? selections)
    {
        var type = schema.Get(connection.Fields["nodes"].Type.NamedType);
        foreach (var field in selections?.Selections.OfType<GraphQLField>() ?? [])
        {
            if (field.Name.StringValue == "nodes" && field.SelectionSet is { } nodes)
            {
                return (type, nodes);
            }

            if (field.Name.StringValue == "edges" && field.SelectionSet?.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == "node")?.SelectionSet is { } node)
            {
                return (type, node);
            }
        }

        throw new GraphQLRequestException(new GraphQLError($"The connection {connection.Name} must select 'edges {{ node }}' or 'nodes'."));
    }
}
