using System.Text.Json;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using ErpBridge.Sandboxes.Shopify.GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Every GraphQL document the Shopify side sends, and the sandbox's schema subset, checked against the published 2026-01 schema.</summary>
public sealed class ShopifyContractTests
{
    [SetUp]
    public void RequireSchema() => ShopifyContract.RequireSchema();

    [Test]
    public void VariantsBySku_WithExampleVariables_IsValid()
    {
        var variables = JsonSerializer.Serialize(new { first = 2, after = (string?)null, query = ShopifyDocuments.SkuSearch(["A-1", "B \"2\""]) });

        Assert.That(ShopifyContract.Validate(ShopifyDocuments.VariantsBySku, variables), Is.Empty);
    }

    [Test]
    public void Locations_WithExampleVariables_IsValid()
    {
        Assert.That(ShopifyContract.Validate(ShopifyDocuments.Locations, "{\"first\":250,\"after\":\"abc\"}"), Is.Empty);
    }

    [Test]
    public void StockMapDocument_WithExampleVariables_IsValid()
    {
        var variables = VariablesOf(ShopifyPlans.StockElement("key-1", "M-1", [("SKU-1", "WH1", 42), ("SKU-2", "WH2", 0)]), "gid://shopify/InventoryItem/1");

        Assert.That(ShopifyContract.Validate(ShopifyPlans.StockDocument, variables), Is.Empty);
    }

    [Test]
    public void ProductMapDocument_ForUpdateAndForCreate_IsValid()
    {
        var call = ShopifyPlans.ProductCall("SKU-1", "Widget", "19.99", "DRAFT", "123", 0.5);
        var update = VariablesOf(ShopifyPlans.PlanRoot(call), "gid://shopify/Product/1");
        var create = VariablesOf(ShopifyPlans.PlanRoot(call), null);

        Assert.Multiple(() =>
        {
            Assert.That(ShopifyContract.Validate(ShopifyPlans.ProductDocument, update), Is.Empty);
            Assert.That(ShopifyContract.Validate(ShopifyPlans.ProductDocument, create), Is.Empty);
            Assert.That(create, Does.Not.Contain("identifier"));
        });
    }

    [Test]
    public void Validate_WrongFieldOrVariable_ReportsErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShopifyContract.Validate("{ productVariants(first: 1) { nodes { skuu } } }"), Is.Not.Empty);
            Assert.That(ShopifyContract.Validate(ShopifyPlans.StockDocument, "{\"idempotencyKey\":\"k\",\"input\":{\"name\":\"available\",\"reason\":\"correction\",\"quantities\":[{\"inventoryItemId\":\"x\",\"locationId\":\"y\"}]}}"), Is.Not.Empty);
        });
    }

    [Test]
    public void SandboxSchemaSubset_MatchesPublishedSchema()
    {
        var published = ShopifyContract.Schema;
        var differences = new List<string>();
        foreach (var definition in GraphQLParser.Parser.Parse(ShopifySchemaSubset.Sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition type:
                    foreach (var field in type.Fields?.Items ?? [])
                    {
                        var real = Field(published, type.Name.StringValue, field.Name.StringValue, field.Type, differences);
                        foreach (var argument in field.Arguments?.Items ?? [])
                        {
                            var realArgument = real?.Arguments?.Find(argument.Name.StringValue);
                            Compare($"{type.Name.StringValue}.{field.Name.StringValue}({argument.Name.StringValue})", argument.Type, realArgument?.ResolvedType, differences);
                        }
                    }

                    break;
                case GraphQLInputObjectTypeDefinition input:
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        Field(published, input.Name.StringValue, field.Name.StringValue, field.Type, differences);
                    }

                    break;
                case GraphQLEnumTypeDefinition enumType:
                    var realEnum = published.AllTypes[enumType.Name.StringValue] as EnumerationGraphType;
                    differences.AddRange((enumType.Values?.Items ?? []).Select(v => v.EnumValue.Name.StringValue)
                        .Where(v => realEnum?.Values.FindByName(v) is null).Select(v => $"{enumType.Name.StringValue}.{v} is not published"));
                    break;
            }
        }

        Assert.That(differences, Is.Empty);
    }

    private static FieldType? Field(ISchema published, string typeName, string fieldName, GraphQLType type, List<string> differences)
    {
        var real = (published.AllTypes[typeName] as IComplexGraphType)?.GetField(fieldName);
        Compare($"{typeName}.{fieldName}", type, real?.ResolvedType, differences);
        return real;
    }

    private static void Compare(string where, GraphQLType expected, IGraphType? actual, List<string> differences)
    {
        if (actual?.ToString() != Print(expected))
        {
            differences.Add($"{where}: sandbox {Print(expected)}, published {actual?.ToString() ?? "(absent)"}");
        }
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => $"[{Print(list.Type)}]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => "?",
    };

    /// <summary>The <c>variables</c> of a plan's first call as JSON, with every reference resolved to <paramref name="id"/> (null: not found).</summary>
    private static string VariablesOf(System.Xml.Linq.XElement planElement, string? id)
    {
        var plan = RequestPlan.Parse(new System.Xml.Linq.XDocument(planElement));
        var (body, unresolved) = PlanReference.Apply(plan.Calls[0].Body!, r => r.Kind == "location" ? "gid://shopify/Location/9" : id);
        Assert.That(unresolved, Is.Null);
        using var json = JsonDocument.Parse(JsonXml.ToJson(body!));
        return json.RootElement.GetProperty("variables").GetRawText();
    }
}
