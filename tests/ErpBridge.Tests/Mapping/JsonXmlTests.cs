using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ErpBridge.Mapping.Json;

namespace ErpBridge.Tests.Mapping;

public sealed class JsonXmlTests
{
    private static readonly XNamespace Fn = JsonXml.Ns;

    private static XElement Parse(string xml) =>
        XElement.Parse(xml.Replace("<m>", "<fn:map xmlns:fn=\"http://www.w3.org/2005/xpath-functions\">", StringComparison.Ordinal).Replace("</m>", "</fn:map>", StringComparison.Ordinal), LoadOptions.PreserveWhitespace);

    private static string Convert(string innerOfMap) => JsonXml.ToJson(Parse("<m>" + innerOfMap + "</m>"));

    [TestCase("42", "42")]
    [TestCase("-7", "-7")]
    [TestCase("0", "0")]
    [TestCase("-0", "-0")]
    [TestCase("-0.0", "-0.0")]
    [TestCase("19.99", "19.99")]
    [TestCase("1.50", "1.50")]
    [TestCase("1e3", "1e3")]
    [TestCase("2.5E-7", "2.5E-7")]
    [TestCase(" 12 ", "12")]
    [TestCase("+5", "5")]
    [TestCase(".5", "0.5")]
    [TestCase("5.", "5")]
    [TestCase("007", "7")]
    [TestCase("+0.50", "0.50")]
    [TestCase("-.25", "-0.25")]
    public void Number_IsWrittenAsAJsonNumber(string written, string json) =>
        Assert.That(Convert($"<fn:number key=\"n\">{written}</fn:number>"), Is.EqualTo($"{{\"n\":{json}}}"));

    [TestCase("NaN")]
    [TestCase("INF")]
    [TestCase("-INF")]
    [TestCase("Infinity")]
    [TestCase("")]
    [TestCase("1,5")]
    [TestCase("0x10")]
    [TestCase("1e")]
    [TestCase("--1")]
    [TestCase("12 34")]
    public void Number_ThatIsNotANumber_IsRejectedNamingThePath(string written)
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert($"<fn:map key=\"outer\"><fn:number key=\"price\">{written}</fn:number></fn:map>"));

        Assert.That(error!.Message, Does.StartWith("$.outer.price:"));
    }

    [TestCase("true", "true")]
    [TestCase("false", "false")]
    [TestCase(" 1 ", "true")]
    [TestCase("0", "false")]
    public void Boolean_AcceptsTheXsBooleanForms(string written, string json) =>
        Assert.That(Convert($"<fn:boolean key=\"b\">{written}</fn:boolean>"), Is.EqualTo($"{{\"b\":{json}}}"));

    [TestCase("yes")]
    [TestCase("TRUE")]
    [TestCase("")]
    public void Boolean_OtherText_IsRejected(string written) =>
        Assert.Throws<JsonXmlException>(() => Convert($"<fn:boolean key=\"b\">{written}</fn:boolean>"));

    [Test]
    public void Null_EmptyMapAndEmptyArray_AreWritten() =>
        Assert.That(
            Convert("<fn:null key=\"n\"/><fn:map key=\"m\"/><fn:array key=\"a\"/><fn:string key=\"s\"/>"),
            Is.EqualTo("{\"n\":null,\"m\":{},\"a\":[],\"s\":\"\"}"));

    [Test]
    public void Null_WithText_IsRejected() =>
        Assert.That(() => Convert("<fn:null key=\"n\">x</fn:null>"), Throws.TypeOf<JsonXmlException>().With.Message.Contains("$.n"));

    [Test]
    public void NestedStructures_KeepOrderAndTypes()
    {
        var json = Convert("""
            <fn:array key="rows">
              <fn:map><fn:string key="sku">A</fn:string><fn:number key="qty">1</fn:number></fn:map>
              <fn:array><fn:number>1</fn:number><fn:boolean>true</fn:boolean><fn:null/><fn:array/></fn:array>
            </fn:array>
            """);

        Assert.That(json, Is.EqualTo("{\"rows\":[{\"sku\":\"A\",\"qty\":1},[1,true,null,[]]]}"));
    }

    [Test]
    public void DuplicateKey_IsRejectedNamingTheKeyAndPath()
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert("<fn:map key=\"input\"><fn:string key=\"sku\">A</fn:string><fn:string key=\"sku\">B</fn:string></fn:map>"));

        Assert.That(error!.Message, Is.EqualTo("$.input: duplicate key 'sku' in a map."));
    }

    [Test]
    public void DuplicateKey_AfterUnescaping_IsRejected() =>
        Assert.Throws<JsonXmlException>(() => Convert("<fn:string key=\"a/b\">1</fn:string><fn:string key=\"a\\/b\" escaped-key=\"true\">2</fn:string>"));

    [Test]
    public void MissingKeyInAMap_IsRejected()
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert("<fn:array key=\"items\"><fn:map><fn:string>no key</fn:string></fn:map></fn:array>"));

        Assert.That(error!.Message, Does.StartWith("$.items[0]:").And.Contain("needs a key"));
    }

    [Test]
    public void TextInsideAMap_IsRejected()
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert("<fn:map key=\"m\">stray<fn:null key=\"x\"/></fn:map>"));

        Assert.That(error!.Message, Does.StartWith("$.m:").And.Contain("stray"));
    }

    [Test]
    public void TextInsideAnArray_IsRejected() =>
        Assert.Throws<JsonXmlException>(() => Convert("<fn:array key=\"a\"><fn:null/>stray</fn:array>"));

    [Test]
    public void ElementsInsideAString_AreRejected() =>
        Assert.Throws<JsonXmlException>(() => Convert("<fn:string key=\"s\">a<fn:null/></fn:string>"));

    [Test]
    public void ElementOutsideTheVocabulary_IsRejected()
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert("<fn:map key=\"m\"><price key=\"p\">1</price></fn:map>"));

        Assert.That(error!.Message, Does.StartWith("$.m.p:").Or.StartWith("$.m:"));
    }

    [Test]
    public void UnknownVocabularyElement_IsRejected() =>
        Assert.Throws<JsonXmlException>(() => Convert("<fn:decimal key=\"d\">1</fn:decimal>"));

    [Test]
    public void Strings_AreEscapedAsJsonRequires()
    {
        var element = new XElement(Fn + "map", new XElement(Fn + "string", new XAttribute("key", "s"), "q\"b\\n\nt\tc\u0001e\u00e9 \U0001F373 </script>"));

        var json = JsonXml.ToJson(element);

        Assert.That(json, Does.Contain("q\\\"b\\\\n\\nt\\tc\\u0001e"));
        Assert.That(JsonNode.Parse(json)!["s"]!.GetValue<string>(), Is.EqualTo("q\"b\\n\nt\tc\u0001e\u00e9 \U0001F373 </script>"));
    }

    [Test]
    public void Keys_AreEscapedAsJsonRequires()
    {
        var element = new XElement(Fn + "map", new XElement(Fn + "null", new XAttribute("key", "a\"b\\c")));

        Assert.That(JsonXml.ToJson(element), Is.EqualTo("{\"a\\\"b\\\\c\":null}"));
    }

    [TestCase("line\\nbreak", "line\nbreak")]
    [TestCase("tab\\there", "tab\there")]
    [TestCase("quote \\\" escaped", "quote \" escaped")]
    [TestCase("quote \" bare", "quote \" bare")]
    [TestCase("back\\\\slash", "back\\slash")]
    [TestCase("slash \\/", "slash /")]
    [TestCase("\\u00e9\\u00E9", "éé")]
    [TestCase("\\ud83c\\udf73", "🍳")]
    [TestCase("\\b\\f\\r", "\b\f\r")]
    [TestCase("no escapes", "no escapes")]
    public void EscapedString_IsDecoded(string written, string value)
    {
        var json = JsonXml.ToJson(new XElement(Fn + "map", new XElement(Fn + "string", new XAttribute("key", "s"), new XAttribute("escaped", "true"), written)));

        Assert.That(JsonNode.Parse(json)!["s"]!.GetValue<string>(), Is.EqualTo(value));
    }

    [TestCase("lone \\")]
    [TestCase("bad \\x escape")]
    [TestCase("short \\u12")]
    [TestCase("not hex \\uZZZZ")]
    [TestCase("half a pair \\ud83c")]
    [TestCase("low first \\udf73\\ud83c")]
    public void EscapedString_WithABadEscape_IsRejectedNamingThePath(string written)
    {
        var element = new XElement(Fn + "map", new XElement(Fn + "map", new XAttribute("key", "outer"), new XElement(Fn + "string", new XAttribute("key", "s"), new XAttribute("escaped", "true"), written)));

        var error = Assert.Throws<JsonXmlException>(() => JsonXml.ToJson(element));

        Assert.That(error!.Message, Does.StartWith("$.outer.s:"));
    }

    [Test]
    public void EscapedKey_IsDecoded()
    {
        var element = new XElement(Fn + "map", new XElement(Fn + "number", new XAttribute("key", "a\\\"b\\u0041"), new XAttribute("escaped-key", "true"), "1"));

        Assert.That(JsonNode.Parse(JsonXml.ToJson(element))!.AsObject().Single().Key, Is.EqualTo("a\"bA"));
    }

    [Test]
    public void EscapedFalse_LeavesBackslashesAlone()
    {
        var element = new XElement(Fn + "map", new XElement(Fn + "string", new XAttribute("key", "s"), new XAttribute("escaped", "false"), "C:\\temp\\n"));

        Assert.That(JsonNode.Parse(JsonXml.ToJson(element))!["s"]!.GetValue<string>(), Is.EqualTo("C:\\temp\\n"));
    }

    [Test]
    public void AttributesOfOtherNamespaces_AreIgnored() =>
        Assert.That(
            JsonXml.ToJson(Parse("<m><fn:string key=\"id\" xmlns:plan=\"urn:erpbridge:plan:v1\" plan:ref=\"product\" plan:key=\"A\">gid</fn:string></m>")),
            Is.EqualTo("{\"id\":\"gid\"}"));

    public static IEnumerable<string> Corpus()
    {
        yield return "{}";
        yield return "[]";
        yield return "\"just a string\"";
        yield return "12.50";
        yield return "null";
        yield return "true";
        yield return """{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":[],"g":{}}""";
        yield return """{"price":"19.99","qty":-0,"big":12345678901234567890,"exp":1.5e300,"tiny":-2.5E-300}""";
        yield return """{"text":"quotes \" backslash \\ slash / newline \n tab \t cr \r","unicode":"é 鍋 🍳 \u2028"}""";
        yield return """{"control":"bell \u0007 nul \u0000 esc \u001b","key with \u0001 control":1}""";
        yield return """{"":"empty key","  ":"spaces"}""";
        yield return """[[[[[[[[[[{"deep":[1,[2,[3]]]}]]]]]]]]]]""";
        yield return """{"orders":[{"id":450789469,"line_items":[{"sku":"A-1","quantity":2,"price":"199.00"}],"note":null,"tags":"","test":false}]}""";
        yield return """{"html":"<p class=\"x\">Fish &amp; chips</p>"}""";
    }

    [TestCaseSource(nameof(Corpus))]
    public void RoundTrip_JsonToXmlToJson_KeepsTheValue(string json)
    {
        var xml = JsonXml.FromJson(json);
        var text = new System.Text.StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(text, new System.Xml.XmlWriterSettings { NewLineHandling = System.Xml.NewLineHandling.Entitize }))
        {
            xml.Save(writer);
        }

        var reparsed = XElement.Parse(text.ToString(), LoadOptions.PreserveWhitespace);

        var back = JsonXml.ToJson(reparsed);

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(back), JsonNode.Parse(json)), Is.True, $"{json}\n became\n{back}");
    }

    [Test]
    public void FromJson_NumbersKeepTheirTextAndStringsTheirType()
    {
        var xml = JsonXml.FromJson("""{"price":19.90,"sku":"007"}""");

        Assert.That(xml.Elements().Select(e => (e.Name.LocalName, (string?)e.Attribute("key"), e.Value)), Is.EqualTo(new[]
        {
            ("number", "price", "19.90"),
            ("string", "sku", "007"),
        }));
    }

    [Test]
    public void FromJson_ControlCharacters_AreWrittenEscaped()
    {
        var xml = JsonXml.FromJson("""{"k\u0001":"a\u0000b\\c"}""");
        var element = xml.Elements().Single();

        Assert.That((string?)element.Attribute("escaped"), Is.EqualTo("true"));
        Assert.That((string?)element.Attribute("escaped-key"), Is.EqualTo("true"));
        Assert.That(element.Value, Is.EqualTo("a\\u0000b\\\\c"));
        Assert.That((string?)element.Attribute("key"), Is.EqualTo("k\\u0001"));
    }

    [Test]
    public void FromJson_DuplicateKeys_AreRejected() =>
        Assert.That(() => JsonXml.FromJson("""{"a":1,"a":2}"""), Throws.InstanceOf<JsonException>());

    [Test]
    public void FromJson_DeepButReasonableNesting_IsRead()
    {
        var json = new string('[', 150) + new string(']', 150);

        Assert.That(JsonXml.ToJson(JsonXml.FromJson(json)), Is.EqualTo(json));
    }

    [Test]
    public void ToJsonUtf8_WritesUtf8WithoutBom()
    {
        var bytes = JsonXml.ToJsonUtf8(Parse("<m><fn:string key=\"s\">é</fn:string></m>"));

        Assert.That(bytes, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes("{\"s\":\"é\"}")));
    }

    [Test]
    public void ErrorPath_NamesArrayIndexesAndKeys()
    {
        var error = Assert.Throws<JsonXmlException>(() => Convert("""
            <fn:map key="variables"><fn:array key="quantities">
              <fn:map><fn:number key="quantity">1</fn:number></fn:map>
              <fn:map><fn:number key="quantity">lots</fn:number></fn:map>
            </fn:array></fn:map>
            """));

        Assert.That(error!.Message, Does.StartWith("$.variables.quantities[1].quantity: 'lots' is not a number"));
    }
}
