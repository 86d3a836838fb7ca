using System.Xml.Linq;
using ErpBridge.Core.Messages;
using ErpBridge.Mapping.Maps;
using ErpBridge.Mapping.Plans;

namespace ErpBridge.Tests.Delivery;

/// <summary>
/// Outbound maps shaped like the shipped ones where products drafted for lack of a price are concerned: a product
/// without a price that the message says is active gets a call <c>draft-SKU</c> marked <c>price-draft</c> (the branch
/// a store without the product's price runs) and a call <c>keep-SKU</c> (the branch a store with a price runs); any
/// other product one call <c>set-SKU</c>. A price gets <c>price-SKU</c> and, when above 0, <c>publish-SKU</c>
/// conditional on the bridge's own <c>price-draft</c> reference.
/// </summary>
public sealed class DraftMessageMaps : IMessageMaps
{
    private static readonly XNamespace Plan = RequestPlan.Namespace;

    public XDocument ToCanonical(string documentType, XElement document, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        throw new MappingFailedException($"no inbound map for document type '{documentType}'");

    public XDocument ToPlan(string platform, MessageType type, XDocument canonical, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        var calls = new List<XElement>();
        foreach (var item in canonical.Root!.Elements().SelectMany(e => e.Elements()).Where(e => e.Name.LocalName is "Product" or "Price"))
        {
            string Text(string name) => item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? "";
            var sku = Text("Sku");
            if (item.Name.LocalName == "Price")
            {
                calls.Add(Call($"price-{sku}"));
                if (decimal.Parse(Text("Amount"), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    calls.Add(Call($"publish-{sku}", new XAttribute("if", "found"), new XAttribute("if-ref", PlanCall.PriceDraftKind), new XAttribute("if-key", sku)));
                }
            }
            else if (Text("Price").Length == 0 && Text("Status") == "active")
            {
                calls.Add(Call($"draft-{sku}", new XAttribute("price-draft", sku)));
                calls.Add(Call($"keep-{sku}"));
            }
            else
            {
                calls.Add(Call($"set-{sku}"));
            }
        }

        return new XDocument(new XElement(Plan + "plan", calls));
    }

    private static XElement Call(string id, params XAttribute[] attributes) =>
        new(Plan + "call", new XAttribute("id", id), new XAttribute("method", "POST"), new XAttribute("path", "items"), attributes);
}
