using System.Xml.Linq;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Mapping;

public sealed class RequestPlanTests
{
    private const string Namespaces = "xmlns=\"urn:erpbridge:plan:v1\" xmlns:plan=\"urn:erpbridge:plan:v1\" xmlns:fn=\"http://www.w3.org/2005/xpath-functions\"";

    private static RequestPlan Parse(string calls) => RequestPlan.Parse(XDocument.Parse($"<plan {Namespaces}>{calls}</plan>"));

    [Test]
    public void Parse_ReadsCallsWithQueryHeadersBodyConditionAndPathParameters()
    {
        var plan = Parse("""
            <call id="lookup" method="get" path="v3/catalog/products"><query name="sku:in" value="A,B"/><header name="X-Trace" value="1"/></call>
            <call id="update" method="PUT" path="v3/catalog/products/{id}" if="found" if-ref="product" if-key="A">
              <path-param name="id" ref="product" key="A"/>
              <body><fn:map><fn:string key="name">A</fn:string></fn:map></body>
            </call>
            <call method="POST" path="graphql.json" if="missing" if-ref="product" if-key="B"><body><fn:array/></body></call>
            """);

        Assert.That(plan.Calls.Select(c => (c.Id, c.Method, c.Path)), Is.EqualTo(new[]
        {
            ("lookup", "GET", "v3/catalog/products"),
            ("update", "PUT", "v3/catalog/products/{id}"),
            ("call-3", "POST", "graphql.json"),
        }));
        Assert.That(plan.Calls[0].Query, Is.EqualTo(new[] { new KeyValuePair<string, string>("sku:in", "A,B") }));
        Assert.That(plan.Calls[0].Headers, Is.EqualTo(new[] { new KeyValuePair<string, string>("X-Trace", "1") }));
        Assert.That(plan.Calls[0].Body, Is.Null);
        Assert.That(plan.Calls[1].Condition, Is.EqualTo(new PlanCondition("product", "A", Found: true)));
        Assert.That(plan.Calls[1].PathParameters, Is.EqualTo(new[] { new PathParameter("id", "product", "A") }));
        Assert.That(plan.Calls[1].Body!.Name.LocalName, Is.EqualTo("map"));
        Assert.That(plan.Calls[2].Condition, Is.EqualTo(new PlanCondition("product", "B", Found: false)));
    }

    [Test]
    public void Parse_ReadsThePriceDraftMark_Trimmed_AndNoneWhereAbsentOrBlank()
    {
        var plan = Parse("""
            <call id="create" method="POST" path="products" price-draft=" 740001 "/>
            <call id="update" method="PUT" path="products" price-draft=""/>
            <call id="publish" method="PUT" path="products" if="found" if-ref="price-draft" if-key="740001"/>
            """);

        Assert.That(plan.Calls.Select(c => c.PriceDraft), Is.EqualTo(new[] { "740001", null, null }));
        Assert.That(plan.Calls[2].Condition, Is.EqualTo(new PlanCondition(PlanCall.PriceDraftKind, "740001", Found: true)));
    }

    [Test]
    public void Parse_EmptyPlan_HasNoCalls() => Assert.That(Parse("").Calls, Is.Empty);

    [TestCase("<call id=\"c\" method=\"FETCH\" path=\"x\"/>", "method 'FETCH'")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"/admin/x\"/>", "must be relative")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"https://evil.example/x\"/>", "must be relative")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"v3/../../x\"/>", "must be relative")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"\"/>", "must be relative")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"x\" if=\"maybe\" if-ref=\"p\" if-key=\"A\"/>", "if='maybe'")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"x\" if=\"found\" if-key=\"A\"/>", "if-ref")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"x\" if=\"found\" if-ref=\"p\"/>", "if-key")]
    [TestCase("<call id=\"c\" method=\"PUT\" path=\"v3/products\"><path-param name=\"id\" ref=\"product\" key=\"A\"/></call>", "has no {id}")]
    [TestCase("<call id=\"c\" method=\"PUT\" path=\"v3/products/{id}\"><path-param name=\"id\" key=\"A\"/></call>", "'ref'")]
    [TestCase("<call id=\"c\" method=\"POST\" path=\"x\"><body/></call>", "exactly one")]
    [TestCase("<call id=\"c\" method=\"POST\" path=\"x\"><body><fn:string>a</fn:string></body></call>", "exactly one")]
    [TestCase("<call id=\"c\" method=\"POST\" path=\"x\"><body><fn:map/><fn:map/></body></call>", "exactly one")]
    [TestCase("<call id=\"c\" method=\"POST\" path=\"x\"><payload/></call>", "unexpected element")]
    [TestCase("<call id=\"c\" method=\"GET\" path=\"x\"><query value=\"1\"/></call>", "'name'")]
    [TestCase("<request/>", "only call is allowed")]
    public void Parse_BadPlan_IsRejectedNamingTheFault(string calls, string expected)
    {
        var error = Assert.Throws<PlanFormatException>(() => Parse(calls));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Parse_WrongRoot_IsRejected()
    {
        var error = Assert.Throws<PlanFormatException>(() => RequestPlan.Parse(XDocument.Parse("<plan/>")));

        Assert.That(error!.Message, Does.Contain("urn:erpbridge:plan:v1"));
    }
}
