using System.Xml.Linq;

namespace ErpBridge.Mapping.Plans;

/// <summary>
/// A platform id the ERP does not know, asked for inside a plan body: an element with
/// <c>plan:ref="inventory-item" plan:key="SKU-1"</c> gets the resolved id as its value.
/// <c>plan:missing</c> says what happens when nothing is found: <c>fail</c> (default; a permanent failure naming
/// the key), <c>null</c> (the element becomes JSON null), <c>omit</c> (the element is removed) or
/// <c>omit-parent</c> (its parent element is removed).
/// Kinds are the connector's: Shopify variant, inventory-item, product, location, fulfillment-order,
/// fulfillment-order-line-item, fulfillment; BigCommerce product, variant, location, order, order-address,
/// order-product, order-shipment; WooCommerce product, variation, variation-parent, stock-item; Magento source, order,
/// order-item, shipment.
/// </summary>
public sealed record PlanReference(string Kind, string Key, MissingReference Missing, XElement Element)
{
    public static readonly XName RefAttribute = RequestPlan.Ns + "ref";
    public static readonly XName KeyAttribute = RequestPlan.Ns + "key";
    public static readonly XName MissingAttribute = RequestPlan.Ns + "missing";

    /// <summary>The references in a body, in document order.</summary>
    public static IReadOnlyList<PlanReference> Collect(XElement body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var found = new List<PlanReference>();
        foreach (var element in body.DescendantsAndSelf())
        {
            var kind = (string?)element.Attribute(RefAttribute);
            if (kind is null)
            {
                continue;
            }

            var key = (string?)element.Attribute(KeyAttribute);
            if (string.IsNullOrEmpty(key))
            {
                throw new PlanFormatException($"Reference '{kind}' on {element.Name.LocalName} '{(string?)element.Attribute("key")}' has no plan:key.");
            }

            var missing = ((string?)element.Attribute(MissingAttribute)) switch
            {
                null or "fail" => MissingReference.Fail,
                "null" => MissingReference.Null,
                "omit" => MissingReference.Omit,
                "omit-parent" => MissingReference.OmitParent,
                var other => throw new PlanFormatException($"plan:missing '{other}' is not one of fail, null, omit, omit-parent."),
            };
            found.Add(new PlanReference(kind, key, missing, element));
        }

        return found;
    }

    /// <summary>
    /// Returns a copy of <paramref name="body"/> with every reference replaced by <paramref name="resolve"/>'s answer
    /// (null = not found), or the first reference that is missing and may not be.
    /// </summary>
    public static (XElement? Body, PlanReference? Unresolved) Apply(XElement body, Func<PlanReference, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var copy = new XElement(body);
        foreach (var reference in Collect(copy))
        {
            var element = reference.Element;
            var value = resolve(reference);
            element.Attributes().Where(a => a.Name.Namespace == RequestPlan.Ns).Remove();
            if (value is not null)
            {
                element.Value = value;
                continue;
            }

            switch (reference.Missing)
            {
                case MissingReference.Fail:
                    return (null, reference);
                case MissingReference.Null:
                    element.ReplaceWith(new XElement(Json.JsonXml.Ns + "null", element.Attribute("key")));
                    break;
                case MissingReference.Omit:
                    element.Remove();
                    break;
                case MissingReference.OmitParent:
                    if (element.Parent is { } parent && parent != copy)
                    {
                        parent.Remove();
                    }
                    else
                    {
                        element.Remove();
                    }

                    break;
            }
        }

        return (copy, null);
    }
}

public enum MissingReference
{
    Fail,
    Null,
    Omit,
    OmitParent,
}
