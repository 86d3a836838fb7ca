using GraphQLParser;
using GraphQLParser.AST;

namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>The types of an SDL text, looked up by name while validating, coercing and projecting.</summary>
internal sealed class SchemaModel
{
    private static readonly string[] BuiltInScalars = ["ID", "String", "Int", "Float", "Boolean"];

    private readonly Dictionary<string, TypeDef> types = new(StringComparer.Ordinal);

    private SchemaModel()
    {
    }

    public static SchemaModel Shopify { get; } = Parse(ShopifySchemaSubset.Sdl);

    public TypeDef Query { get; private set; } = null!;

    public TypeDef Mutation { get; private set; } = null!;

    public IReadOnlyDictionary<string, TypeDef> Types => types;

    public TypeDef? Find(string name) => types.GetValueOrDefault(name);

    public TypeDef Get(string name) => types[name];

    public static SchemaModel Parse(string sdl)
    {
        var model = new SchemaModel();
        foreach (var scalar in BuiltInScalars)
        {
            model.types[scalar] = new TypeDef(scalar, TypeKind.Scalar);
        }

        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.All });
        string query = "QueryRoot", mutation = "Mutation";
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    foreach (var root in schema.OperationTypes)
                    {
                        if (root.Operation == OperationType.Query)
                        {
                            query = root.Type!.Name.StringValue;
                        }
                        else if (root.Operation == OperationType.Mutation)
                        {
                            mutation = root.Type!.Name.StringValue;
                        }
                    }

                    break;
                case GraphQLScalarTypeDefinition scalar:
                    model.types[scalar.Name.StringValue] = new TypeDef(scalar.Name.StringValue, TypeKind.Scalar);
                    break;
                case GraphQLEnumTypeDefinition enumType:
                    var enumDef = new TypeDef(enumType.Name.StringValue, TypeKind.Enum);
                    foreach (var value in enumType.Values?.Items ?? [])
                    {
                        enumDef.EnumValues.Add(value.EnumValue.Name.StringValue);
                    }

                    model.types[enumDef.Name] = enumDef;
                    break;
                case GraphQLObjectTypeDefinition objectType:
                    var objectDef = new TypeDef(objectType.Name.StringValue, TypeKind.Object);
                    foreach (var field in objectType.Fields?.Items ?? [])
                    {
                        var arguments = (field.Arguments?.Items ?? []).ToDictionary(
                            a => a.Name.StringValue,
                            a => new InputValueDef(a.Name.StringValue, TypeRef.From(a.Type), a.DefaultValue),
                            StringComparer.Ordinal);
                        objectDef.Fields[field.Name.StringValue] = new FieldDef(field.Name.StringValue, TypeRef.From(field.Type), arguments);
                    }

                    model.types[objectDef.Name] = objectDef;
                    break;
                case GraphQLInputObjectTypeDefinition inputType:
                    var inputDef = new TypeDef(inputType.Name.StringValue, TypeKind.Input);
                    foreach (var field in inputType.Fields?.Items ?? [])
                    {
                        inputDef.InputFields[field.Name.StringValue] = new InputValueDef(field.Name.StringValue, TypeRef.From(field.Type), field.DefaultValue);
                    }

                    model.types[inputDef.Name] = inputDef;
                    break;
            }
        }

        model.Query = model.types[query];
        model.Mutation = model.types[mutation];
        return model;
    }
}
