using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Json;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Mapping.Orders;

/// <summary>
/// Platform order JSON → canonical order: the JSON is rendered in the JSON-as-XML vocabulary (root <c>fn:map</c>)
/// and run through <c>xslt/orders/{platform}.xslt</c> with the parameter <c>channel</c>. The result is an
/// <c>ord:Order</c> (wsdl/Orders.xsd); callers validate it before storing.
/// </summary>
public static class OrderMap
{
    public const string Namespace = XmlNamespaces.Orders;

    public static readonly XName OrderElement = XName.Get("Order", Namespace);

    /// <summary>The parameters every order map receives.</summary>
    public static IReadOnlyDictionary<string, string> Parameters(string channel) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel };

    /// <summary>Maps one order. Throws the engine's <see cref="MapException"/>s and <see cref="JsonXmlException"/> for JSON it cannot render.</summary>
    public static XDocument Render(XsltMapEngine engine, string platform, string channel, string json)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var input = new XDocument(JsonXml.FromJson(json));
        return engine.Transform(MapName.Order(platform), input, Parameters(channel));
    }
}
