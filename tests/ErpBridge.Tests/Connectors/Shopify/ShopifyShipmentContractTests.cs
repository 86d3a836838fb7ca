using System.Text.Json;
using ErpBridge.Connectors.Shopify;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;
using static ErpBridge.Tests.Connectors.Shopify.ShopifyShipments;
using Shipment = ErpBridge.Tests.Support.CanonicalShipment;

namespace ErpBridge.Tests.Connectors.Shopify;

/// <summary>Every GraphQL request of a shipment (the order look-ups and the map's fulfillmentCreate) checked against the published 2026-01 schema.</summary>
public sealed class ShopifyShipmentContractTests
{
    [SetUp]
    public void RequireSchema() => ShopifyContract.RequireSchema();

    [Test]
    public void OrderForShipment_ByName_IsValid()
    {
        var variables = JsonSerializer.Serialize(new { query = ShopifyDocuments.OrderNameSearch("1001") });

        Assert.That(ShopifyContract.Validate(ShopifyDocuments.OrderForShipment, variables), Is.Empty);
    }

    [Test]
    public void OrderForShipment_ById_IsValid()
    {
        Assert.That(ShopifyContract.Validate(ShopifyDocuments.OrderForShipmentById, "{\"id\":\"gid://shopify/Order/1\"}"), Is.Empty);
    }

    [TestCase("https://track.example/JJD01")]
    [TestCase(null)]
    public void MapFulfillmentCreate_WithResolvedIds_IsValid(string? trackingUrl)
    {
        var plan = Plan("shop-eu", "SHP-1", new Shipment("shop-eu", "1001", "80001", "DHL", "JJD01", trackingUrl, ("SKU-1", 2), ("SKU-2", 1)));
        var call = plan.Calls.Single();
        var (body, unresolved) = PlanReference.Apply(call.Body!, r => $"gid://shopify/{(r.Kind == "fulfillment-order" ? "FulfillmentOrder" : "FulfillmentOrderLineItem")}/1");
        Assert.That(unresolved, Is.Null);
        using var json = JsonDocument.Parse(JsonXml.ToJson(body!));

        Assert.Multiple(() =>
        {
            Assert.That(ShopifyContract.Validate(json.RootElement.GetProperty("query").GetString()!, json.RootElement.GetProperty("variables").GetRawText()), Is.Empty);
            Assert.That(call.Condition, Is.EqualTo(new PlanCondition("fulfillment", "1001/JJD01", false)));
        });
    }

    [Test]
    public void FulfillmentCreate_DoesNotDocumentIdempotency_SoTheMapDoesNotUseTheDirective()
    {
        // @idempotent is declared on any FIELD, but only honoured on mutations whose description documents it.
        var sdl = File.ReadAllText(ShopifyContract.SdlPath!);
        var field = sdl.IndexOf("\n  fulfillmentCreate(\n", StringComparison.Ordinal);
        var descriptionStart = sdl.LastIndexOf("\n\n", field, StringComparison.Ordinal);
        var signatureEnd = sdl.IndexOf("): FulfillmentCreatePayload", field, StringComparison.Ordinal);
        var plan = Plan("shop-eu", "SHP-1", new Shipment("shop-eu", "1001", "80001", "DHL", "JJD01", null, ("SKU-1", 1)));
        using var body = JsonDocument.Parse(JsonXml.ToJson(PlanReference.Apply(plan.Calls[0].Body!, _ => "gid://shopify/X/1").Body!));

        Assert.Multiple(() =>
        {
            Assert.That(field, Is.GreaterThan(0));
            Assert.That(signatureEnd, Is.GreaterThan(field));
            Assert.That(sdl[descriptionStart..signatureEnd], Does.Not.Contain("idempoten").IgnoreCase);
            Assert.That(body.RootElement.GetProperty("query").GetString(), Does.Not.Contain("@idempotent"));
        });
    }
}
