using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// A parsed and validated document. Parsing and validation depend only on the text, so both are done once per
/// distinct text and cached: the connector sends the same few documents thousands of times.
/// </summary>
internal sealed class PreparedDocument
{
    private const int CacheLimit = 2_000;

    private static readonly ConcurrentDictionary<string, PreparedDocument> Cache = new(StringComparer.Ordinal);

    private PreparedDocument(string text, GraphQLDocument? document, IReadOnlyList<GraphQLError> errors)
    {
        Text = text;
        Document = document;
        Errors = errors;
        Fragments = document?.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            ?? new Dictionary<string, GraphQLFragmentDefinition>();
    }

    public string Text { get; }

    public GraphQLDocument? Document { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, GraphQLFragmentDefinition> Fragments { get; }

    public static PreparedDocument Get(string text, SchemaModel schema)
    {
        if (Cache.TryGetValue(text, out var prepared))
        {
            return prepared;
        }

        prepared = Prepare(text, schema);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[text] = prepared;
        return prepared;
    }

    /// <summary>The operation to run: the named one, or the only one. Null with an error otherwise.</summary>
    public GraphQLOperationDefinition SelectOperation(string? operationName)
    {
        var operations = Document!.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operationName is null)
        {
            return operations.Count == 1
                ? operations[0]
                : throw new GraphQLRequestException(new GraphQLError("An operation name is required", "OPERATION_NAME_REQUIRED"));
        }

        return operations.FirstOrDefault(o => o.Name?.StringValue == operationName)
            ?? throw new GraphQLRequestException(new GraphQLError($"No operation named \"{operationName}\""));
    }

    public (int Line, int Column) LineAndColumn(ASTNode node) => LineAndColumn(Text, node.Location.Start);

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static PreparedDocument Prepare(string text, SchemaModel schema)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException exception)
        {
            return new PreparedDocument(text, null, [new GraphQLError($"Parse error on {exception.Description} at [{exception.Location.Line}, {exception.Location.Column}]", "PARSE_ERROR", (exception.Location.Line, exception.Location.Column))]);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return new PreparedDocument(text, null, [new GraphQLError("Query has too many nested levels", "PARSE_ERROR")]);
        }

        var prepared = new PreparedDocument(text, document, []);
        var errors = new DocumentValidator(schema, prepared).Validate();
        return errors.Count == 0 ? prepared : new PreparedDocument(text, document, errors);
    }
}
