using System.Xml.Linq;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Mapping;

public sealed class PlanReferenceTests
{
    private static XElement Body(string inner) => XElement.Parse(
        $"<fn:map xmlns:fn=\"http://www.w3.org/2005/xpath-functions\" xmlns:plan=\"urn:erpbridge:plan:v1\">{inner}</fn:map>");

    [Test]
    public void Collect_FindsReferencesInDocumentOrderWithTheirPolicy()
    {
        var body = Body("""
            <fn:string key="a" plan:ref="product" plan:key="A"/>
            <fn:map key="m"><fn:number key="b" plan:ref="location" plan:key="WH" plan:missing="null"/></fn:map>
            <fn:string key="c" plan:ref="variant" plan:key="C" plan:missing="omit"/>
            <fn:map key="d"><fn:string key="id" plan:ref="product" plan:key="D" plan:missing="omit-parent"/></fn:map>
            """);

        var references = PlanReference.Collect(body);

        Assert.That(references.Select(r => (r.Kind, r.Key, r.Missing)), Is.EqualTo(new[]
        {
            ("product", "A", MissingReference.Fail),
            ("location", "WH", MissingReference.Null),
            ("variant", "C", MissingReference.Omit),
            ("product", "D", MissingReference.OmitParent),
        }));
    }

    [Test]
    public void Apply_FoundReferences_FillTheValueAndDropThePlanAttributes()
    {
        var body = Body("<fn:string key=\"id\" plan:ref=\"product\" plan:key=\"A\"/><fn:number key=\"loc\" plan:ref=\"location\" plan:key=\"WH\"/>");

        var (resolved, unresolved) = PlanReference.Apply(body, r => r.Kind == "product" ? "gid://shopify/Product/1" : "17");

        Assert.That(unresolved, Is.Null);
        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"id\":\"gid://shopify/Product/1\",\"loc\":17}"));
        Assert.That(resolved!.DescendantsAndSelf().Attributes().Where(a => a.Name.Namespace == RequestPlan.Ns), Is.Empty);
        Assert.That(PlanReference.Collect(body), Has.Count.EqualTo(2), "the original body is left as it was");
    }

    [Test]
    public void Apply_MissingWithFail_ReturnsTheReference()
    {
        var body = Body("<fn:string key=\"ok\" plan:ref=\"product\" plan:key=\"A\"/><fn:string key=\"id\" plan:ref=\"inventory-item\" plan:key=\"SKU-9\"/>");

        var (resolved, unresolved) = PlanReference.Apply(body, r => r.Kind == "product" ? "1" : null);

        Assert.That(resolved, Is.Null);
        Assert.That((unresolved!.Kind, unresolved.Key), Is.EqualTo(("inventory-item", "SKU-9")));
    }

    [Test]
    public void Apply_MissingWithNull_WritesJsonNullUnderTheSameKey()
    {
        var (resolved, _) = PlanReference.Apply(Body("<fn:number key=\"loc\" plan:ref=\"location\" plan:key=\"X\" plan:missing=\"null\"/>"), _ => null);

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"loc\":null}"));
    }

    [Test]
    public void Apply_MissingWithOmit_RemovesTheEntry()
    {
        var (resolved, _) = PlanReference.Apply(Body("<fn:string key=\"id\" plan:ref=\"variant\" plan:key=\"X\" plan:missing=\"omit\"/><fn:string key=\"sku\">X</fn:string>"), _ => null);

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"sku\":\"X\"}"));
    }

    [Test]
    public void Apply_MissingWithOmitParent_RemovesTheEnclosingEntry()
    {
        var body = Body("<fn:map key=\"variables\"><fn:map key=\"identifier\"><fn:string key=\"id\" plan:ref=\"product\" plan:key=\"X\" plan:missing=\"omit-parent\"/></fn:map><fn:map key=\"input\"/></fn:map>");

        var (resolved, _) = PlanReference.Apply(body, _ => null);
        var (found, _) = PlanReference.Apply(body, _ => "gid://shopify/Product/5");

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"variables\":{\"input\":{}}}"));
        Assert.That(JsonXml.ToJson(found!), Is.EqualTo("{\"variables\":{\"identifier\":{\"id\":\"gid://shopify/Product/5\"},\"input\":{}}}"));
    }

    [Test]
    public void Apply_OmitParentDirectlyInTheBody_RemovesOnlyTheEntry()
    {
        var (resolved, _) = PlanReference.Apply(Body("<fn:string key=\"id\" plan:ref=\"product\" plan:key=\"X\" plan:missing=\"omit-parent\"/><fn:null key=\"n\"/>"), _ => null);

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"n\":null}"));
    }

    [Test]
    public void Apply_MissingInsideAnArray_OmitRemovesTheItem()
    {
        var (resolved, _) = PlanReference.Apply(
            Body("<fn:array key=\"ids\"><fn:string plan:ref=\"variant\" plan:key=\"A\" plan:missing=\"omit\"/><fn:string plan:ref=\"variant\" plan:key=\"B\" plan:missing=\"omit\"/></fn:array>"),
            r => r.Key == "B" ? "2" : null);

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"ids\":[\"2\"]}"));
    }

    [Test]
    public void Collect_ReferenceWithoutKey_IsRejected() =>
        Assert.Throws<PlanFormatException>(() => PlanReference.Collect(Body("<fn:string key=\"id\" plan:ref=\"product\"/>")));

    [Test]
    public void Collect_UnknownMissingPolicy_IsRejectedNamingIt()
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanReference.Collect(Body("<fn:string key=\"id\" plan:ref=\"product\" plan:key=\"A\" plan:missing=\"skip\"/>")));

        Assert.That(error!.Message, Does.Contain("'skip'"));
    }

    [Test]
    public void Apply_ResolvedValueNeedingEscapes_IsWrittenAsJsonText()
    {
        var (resolved, _) = PlanReference.Apply(Body("<fn:string key=\"id\" plan:ref=\"product\" plan:key=\"A\"/>"), _ => "a\"b\\c");

        Assert.That(JsonXml.ToJson(resolved!), Is.EqualTo("{\"id\":\"a\\\"b\\\\c\"}"));
    }
}
