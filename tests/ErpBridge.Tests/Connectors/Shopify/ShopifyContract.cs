using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>
/// The published Shopify Admin API schema (2026-01 SDL from the shared contracts, read once per test run) as a
/// validator: <see cref="Validate"/> checks a document, and its variables when given, the way a GraphQL server would
/// before running it. Later tests use it on the plans the XSLT maps produce.
/// </summary>
public static class ShopifyContract
{
    public const string SdlFile = "shopify/admin-2026-01.schema.graphql";

    private static readonly Lazy<Schema?> LoadedSchema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared contracts folder (../shared/contracts beside the repository root), or null when absent.</summary>
    public static string? ContractsFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ErpBridge.sln")))
            {
                folder = folder.Parent;
            }

            var contracts = folder?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "contracts") : null;
            return contracts is not null && Directory.Exists(contracts) ? contracts : null;
        }
    }

    public static string? SdlPath => ContractsFolder is { } folder && File.Exists(Path.Combine(folder, SdlFile)) ? Path.Combine(folder, SdlFile) : null;

    /// <summary>Skips the calling test, with the reason, when the published schema is not available.</summary>
    public static void RequireSchema()
    {
        if (SdlPath is null)
        {
            Assert.Ignore($"Shopify contract tests skipped: ../shared/contracts/{SdlFile} (beside the repository root) is absent.");
        }
    }

    public static Schema Schema => LoadedSchema.Value ?? throw new InvalidOperationException($"../shared/contracts/{SdlFile} is absent; call RequireSchema first.");

    /// <summary>The validation errors of <paramref name="document"/> (and of <paramref name="variablesJson"/>, a JSON object) against the published schema; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string document, string? variablesJson = null)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLParser.Parser.Parse(document);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException exception)
        {
            return [$"syntax: {exception.Message}"];
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1)
        {
            return [$"expected exactly one operation, found {operations.Count}"];
        }

        var variables = variablesJson is null ? Inputs.Empty : new Inputs(ToPlain(JsonDocument.Parse(variablesJson).RootElement) as Dictionary<string, object?> ?? []);
        var result = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = parsed,
            Operation = operations[0],
            Rules = DocumentValidator.CoreRules,
            Variables = variables,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null,
        }).GetAwaiter().GetResult();
        return result.Errors.Select(e => e.Message).ToList();
    }

    private static Schema? Load()
    {
        if (SdlPath is not { } path)
        {
            return null;
        }

        var sdl = File.ReadAllText(path);
        var schema = Schema.For(sdl, builder =>
        {
            builder.IgnoreComments = true;

            // Only validation is wanted; abstract types still need a resolver for the schema to initialise.
            builder.Types.ForAll(type => type.IsTypeOfFunc = _ => true);
        });
        foreach (var scalar in GraphQLParser.Parser.Parse(sdl).Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new OpaqueScalarGraphType(scalar.Name.StringValue));
        }

        schema.Initialize();
        return schema;
    }

    private static object? ToPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A custom scalar of the SDL (Money, DateTime, URL...): any JSON value is accepted, as the server decides its format.</summary>
    private sealed class OpaqueScalarGraphType : ScalarGraphType
    {
        public OpaqueScalarGraphType(string name) => Name = name;

        public override object? ParseValue(object? value) => value;

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLStringValue text => (string)text.Value,
            GraphQLIntValue number => long.Parse(number.Value.Span, CultureInfo.InvariantCulture),
            GraphQLFloatValue number => double.Parse(number.Value.Span, CultureInfo.InvariantCulture),
            GraphQLBooleanValue flag => flag.BoolValue,
            GraphQLNullValue => null,
            _ => ThrowLiteralConversionError(value),
        };
    }
}
