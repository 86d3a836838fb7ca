using System.Collections.Concurrent;
using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Outbound maps that make one call per plan whose <c>skus</c> query lists the canonical items, so that a test sees
/// which items went out together; platform "broken" has no map. Inbound maps are not needed here.
/// </summary>
public sealed class FakeMessageMaps : IMessageMaps
{
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> OutboundParameters { get; } = new();

    public XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        throw new MappingFailedException($"no inbound map for document type '{documentType}'");

    public XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        if (platform == "broken")
        {
            throw new MappingFailedException($"no outbound map for {type} on {platform}");
        }

        OutboundParameters.Enqueue(parameters);
        var skus = canonical.Descendants().Where(e => e.Name.LocalName == "Sku").Select(e => e.Value);
        XNamespace plan = RequestPlan.Namespace;
        return new XDocument(new XElement(
            plan + "plan",
            new XElement(
                plan + "call",
                new XAttribute("id", parameters["message-id"]),
                new XAttribute("method", "POST"),
                new XAttribute("path", "stock"),
                new XElement(plan + "query", new XAttribute("name", "skus"), new XAttribute("value", string.Join(",", skus))))));
    }

    /// <summary>The items a plan made by these maps carries.</summary>
    public static string SkusOf(RequestPlan plan) => plan.Calls[0].Query.Single(q => q.Key == "skus").Value;
}
